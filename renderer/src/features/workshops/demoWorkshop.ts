import i18next from 'i18next';
import { useAppStore } from '../../state/store';
import { workshopRoute } from '../app/router';
import { navigate } from '../app/useRoute';

/**
 * Opens the demo workshop (assets/demo, a backup file like any other): it is
 * imported as a fresh copy, so a user can try everything on it and delete it.
 * Loaded only when asked for, like the import code it goes through.
 */
export async function openDemoWorkshop(): Promise<void> {
  const store = useAppStore.getState();
  const [{ default: text }, backup] = await Promise.all([
    import('../../../../assets/demo/ki-strategie-demo.moderato.json?raw'),
    import('../backup/backupActions'),
  ]);
  const read = await backup.readPickedFile({
    name: 'ki-strategie-demo.moderato.json',
    size: text.length,
    read: async () => new TextEncoder().encode(text),
  });
  if (!read.ok) {
    store.showToast({ tone: 'error', message: read.message });
    return;
  }
  const outcome = await backup.importBackup(read.backup, 'new');
  if (!outcome.ok) {
    store.showToast({ tone: 'error', message: outcome.message });
    return;
  }
  const [workshopId] = outcome.workshopIds;
  store.announce(i18next.t('workshops.demoOpened'));
  if (workshopId) navigate(workshopRoute(workshopId as never));
}

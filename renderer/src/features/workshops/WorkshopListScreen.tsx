import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import type { Workshop } from '../../domain/types';
import { EMPTY_WORKSHOP_FIELDS } from '../../domain/workshopCommands';
import { formatDateTime, formatIsoDate } from '../../i18n';
import { useWorkshops } from '../../persistence/hooks';
import { AppHeader } from '../app/AppHeader';
import { BackupReminder } from '../backup/BackupReminder';
import { navigate } from '../app/useRoute';
import { workshopRoute } from '../app/router';
import { openDemoWorkshop } from './demoWorkshop';
import { WorkshopFormDialog } from './WorkshopFormDialog';
import {
  createAndOpenWorkshop,
  moveWorkshopToBin,
  purgeFromBin,
  restoreFromBin,
  saveWorkshopFields,
} from './workshopActions';

type DialogState =
  | { kind: 'none' }
  | { kind: 'create' }
  | { kind: 'edit'; workshop: Workshop }
  | { kind: 'bin'; workshop: Workshop }
  | { kind: 'purge'; workshop: Workshop };

export function WorkshopListScreen() {
  const { t, i18n } = useTranslation();
  const workshops = useWorkshops();
  const [dialog, setDialog] = useState<DialogState>({ kind: 'none' });
  const close = () => setDialog({ kind: 'none' });

  const active = workshops?.filter((w) => w.deletedAt === null) ?? [];
  const binned = workshops?.filter((w) => w.deletedAt !== null) ?? [];

  return (
    <>
      <AppHeader />
      <main className="page" id="main">
        <div className="page-heading">
          <h1>{t('workshops.heading')}</h1>
          <a className="button page-heading-link" href="#/backups">
            {t('backup.nav')}
          </a>
          <button type="button" className="button" onClick={() => void openDemoWorkshop()}>
            {t('workshops.openDemo')}
          </button>
          <button
            type="button"
            className="button button-primary"
            onClick={() => setDialog({ kind: 'create' })}
          >
            {t('workshops.new')}
          </button>
        </div>
        <BackupReminder workshops={workshops} />
        {workshops === undefined ? (
          <p aria-busy="true">{t('common.loading')}</p>
        ) : active.length === 0 ? (
          <p className="empty">{t('workshops.empty')}</p>
        ) : (
          <ul className="workshop-list" aria-label={t('workshops.heading')}>
            {active.map((workshop) => (
              <li key={workshop.id} className="workshop-item">
                <div className="workshop-info">
                  <h2 className="workshop-title">
                    <a href={`#/w/${workshop.id}`}>{workshop.title}</a>
                  </h2>
                  <p className="workshop-facts">
                    {[formatIsoDate(workshop.date, i18n.language), workshop.place, workshop.organisation]
                      .filter(Boolean)
                      .join(' · ') || t('workshops.noFacts')}
                  </p>
                </div>
                <div className="workshop-actions">
                  <button
                    type="button"
                    className="button"
                    onClick={() => navigate(workshopRoute(workshop.id))}
                    aria-label={t('workshops.openNamed', { title: workshop.title })}
                  >
                    {t('workshops.open')}
                  </button>
                  <button
                    type="button"
                    className="button"
                    onClick={() => setDialog({ kind: 'edit', workshop })}
                    aria-label={t('workshops.editNamed', { title: workshop.title })}
                  >
                    {t('common.edit')}
                  </button>
                  <button
                    type="button"
                    className="button button-danger-quiet"
                    onClick={() => setDialog({ kind: 'bin', workshop })}
                    aria-label={t('workshops.deleteNamed', { title: workshop.title })}
                  >
                    {t('common.delete')}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        )}

        {binned.length > 0 && (
          <section className="bin" aria-labelledby="bin-heading">
            <h2 id="bin-heading">{t('workshops.binHeading')}</h2>
            <p className="field-hint">{t('workshops.binHint')}</p>
            <ul className="workshop-list">
              {binned.map((workshop) => (
                <li key={workshop.id} className="workshop-item workshop-item-binned">
                  <div className="workshop-info">
                    <h3 className="workshop-title">{workshop.title}</h3>
                    <p className="workshop-facts">
                      {t('workshops.binnedAt', {
                        when: formatDateTime(workshop.deletedAt ?? 0, i18n.language),
                      })}
                    </p>
                  </div>
                  <div className="workshop-actions">
                    <button
                      type="button"
                      className="button"
                      onClick={() => void restoreFromBin(workshop.id)}
                      aria-label={t('workshops.restoreNamed', { title: workshop.title })}
                    >
                      {t('workshops.restore')}
                    </button>
                    <button
                      type="button"
                      className="button button-danger-quiet"
                      onClick={() => setDialog({ kind: 'purge', workshop })}
                      aria-label={t('workshops.purgeNamed', { title: workshop.title })}
                    >
                      {t('workshops.purge')}
                    </button>
                  </div>
                </li>
              ))}
            </ul>
          </section>
        )}
      </main>

      {dialog.kind === 'create' && (
        <WorkshopFormDialog
          mode="create"
          initial={EMPTY_WORKSHOP_FIELDS}
          onSubmit={createAndOpenWorkshop}
          onClose={close}
        />
      )}
      {dialog.kind === 'edit' && (
        <WorkshopFormDialog
          mode="edit"
          initial={dialog.workshop}
          workshopId={dialog.workshop.id}
          onSubmit={(fields) => saveWorkshopFields(dialog.workshop, fields)}
          onClose={close}
        />
      )}
      {dialog.kind === 'bin' && (
        <ConfirmDialog
          title={t('workshops.binConfirmTitle')}
          message={t('workshops.binConfirm', { title: dialog.workshop.title })}
          confirmLabel={t('workshops.binConfirmButton')}
          danger
          onCancel={close}
          onConfirm={() => {
            close();
            void moveWorkshopToBin(dialog.workshop);
          }}
        />
      )}
      {dialog.kind === 'purge' && (
        <ConfirmDialog
          title={t('workshops.purgeConfirmTitle')}
          message={t('workshops.purgeConfirm', { title: dialog.workshop.title })}
          confirmLabel={t('workshops.purge')}
          danger
          onCancel={close}
          onConfirm={() => {
            close();
            void purgeFromBin(dialog.workshop);
          }}
        />
      )}
    </>
  );
}

import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { questionMarkEnabled, setQuestionMarkEnabled } from './questionMark';

/** Every shortcut Moderato has, in the order a facilitator meets them. */
export const SHORTCUTS = [
  'help',
  'tab',
  'undo',
  'redo',
  'capture',
  'search',
  'pickUp',
  'move',
  'cancelMove',
  'save',
  'newline',
  'format',
  'close',
] as const;

export function HelpDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const toggleId = useId();
  const [questionMark, setQuestionMark] = useState(questionMarkEnabled);
  return (
    <Dialog title={t('help.title')} description={t('help.intro')} onClose={onClose}>
      <table className="shortcut-table">
        <thead>
          <tr>
            <th scope="col">{t('help.keysHeader')}</th>
            <th scope="col">{t('help.actionHeader')}</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map((id) => (
            <tr key={id}>
              <th scope="row">
                <kbd>{t(`help.rows.${id}.keys`)}</kbd>
              </th>
              <td>{t(`help.rows.${id}.action`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="radio-row">
        <input
          id={toggleId}
          type="checkbox"
          checked={questionMark}
          onChange={(event) => {
            setQuestionMark(event.target.checked);
            setQuestionMarkEnabled(event.target.checked);
          }}
        />
        <label htmlFor={toggleId}>{t('help.questionMark')}</label>
      </div>
      <div className="dialog-actions">
        <button type="button" className="button button-primary" data-autofocus onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
    </Dialog>
  );
}

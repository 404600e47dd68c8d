import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/Icon';
import type { WorkshopId } from '../../domain/ids';
import type { Decision } from '../../domain/types';
import { formatIsoDate } from '../../i18n';
import type { AgendaChoice } from '../../persistence/decisionHooks';
import { agendaLabelOf } from './agendaLabels';
import { deleteDecision, shorten } from './decisionActions';
import { EntryDialog, type EntryTarget } from './EntryDialog';
import { useRefocus } from './useRefocus';

interface DecisionTableProps {
  workshopId: WorkshopId;
  decisions: Decision[] | undefined;
  choices: AgendaChoice[] | undefined;
}

/** Beschlüsse: Datum, Beschluss, TOP. */
export function DecisionTable({ workshopId, decisions, choices }: DecisionTableProps) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const { container, refocusAfterUpdate } = useRefocus<HTMLElement>(decisions);
  const [dialog, setDialog] = useState<EntryTarget | null>(null);

  return (
    <section ref={container} className="entries" aria-labelledby={headingId}>
      <div className="entries-heading">
        <h2 id={headingId} tabIndex={-1}>
          {t('decisions.heading')}
          {decisions && decisions.length > 0 && (
            <span className="entries-count"> ({decisions.length.toLocaleString(i18n.language)})</span>
          )}
        </h2>
        <button
          type="button"
          className="button"
          onClick={() => setDialog({ kind: 'new', entry: 'decision', choice: false })}
        >
          {t('decisions.add')}
        </button>
      </div>
      {decisions === undefined ? (
        <p aria-busy="true">{t('common.loading')}</p>
      ) : decisions.length === 0 ? (
        <p className="empty">{t('decisions.empty')}</p>
      ) : (
        <div className="entries-scroll">
          <table className="entries-table" aria-label={t('decisions.heading')}>
            <thead>
              <tr>
                <th scope="col" className="entries-date">
                  {t('decisions.columns.date')}
                </th>
                <th scope="col">{t('decisions.columns.text')}</th>
                <th scope="col" className="entries-top">
                  {t('decisions.columns.agendaItem')}
                </th>
                <th scope="col" className="entries-actions">
                  <span className="visually-hidden">{t('decisions.columns.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {decisions.map((decision) => {
                const name = shorten(decision.text, 60);
                return (
                  <tr key={decision.id} data-decision-id={decision.id}>
                    <td className="entries-date">
                      {decision.date ? (
                        formatIsoDate(decision.date, i18n.language)
                      ) : (
                        <NoValue label={t('decisions.noDate')} />
                      )}
                    </td>
                    <td className="entries-text">{decision.text}</td>
                    <td className="entries-top">
                      {decision.agendaItemId ? (
                        agendaLabelOf(decision.agendaItemId, choices, t)
                      ) : (
                        <NoValue label={t('decisions.noAgendaItem')} />
                      )}
                    </td>
                    <td className="entries-actions">
                      <button
                        type="button"
                        className="icon-button"
                        data-edit
                        aria-label={t('decisions.editNamed', { text: name })}
                        title={t('common.edit')}
                        onClick={() => setDialog({ kind: 'decision', decision })}
                      >
                        <Icon name="edit" />
                      </button>
                      <button
                        type="button"
                        className="icon-button icon-button-danger"
                        aria-label={t('decisions.deleteNamed', { text: name })}
                        title={t('common.delete')}
                        onClick={() => {
                          refocusAfterUpdate(`[id="${headingId}"]`);
                          void deleteDecision(decision);
                        }}
                      >
                        <Icon name="trash" />
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {dialog && (
        <EntryDialog
          workshopId={workshopId}
          target={dialog}
          onSaved={() => {
            // A new date re-sorts the row, which can take focus off its edit button.
            if (dialog.kind === 'decision') {
              refocusAfterUpdate(`[data-decision-id="${dialog.decision.id}"] [data-edit]`);
            }
          }}
          onClose={() => setDialog(null)}
        />
      )}
    </section>
  );
}

/** A dash for the eye, words for the ear. */
export function NoValue({ label }: { label: string }) {
  return (
    <>
      <span aria-hidden="true">–</span>
      <span className="visually-hidden">{label}</span>
    </>
  );
}

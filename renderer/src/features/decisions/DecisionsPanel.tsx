import { useTranslation } from 'react-i18next';
import type { Workshop } from '../../domain/types';
import { useActionItems, useAgendaItemsOfWorkshop, useDecisions } from '../../persistence/decisionHooks';
import { ActionItemTable } from './ActionItemTable';
import { DecisionTable } from './DecisionTable';

/** "Beschlüsse und Aufgaben": everything the group agreed and who does what by when. */
export function DecisionsPanel({ workshop }: { workshop: Workshop }) {
  const { t } = useTranslation();
  const decisions = useDecisions(workshop.id);
  const items = useActionItems(workshop.id);
  const choices = useAgendaItemsOfWorkshop(workshop.id);

  return (
    <div className="decisions-panel">
      <p className="decisions-intro">{t('decisions.intro')}</p>
      <DecisionTable workshopId={workshop.id} decisions={decisions} choices={choices} />
      <ActionItemTable workshopId={workshop.id} items={items} />
    </div>
  );
}

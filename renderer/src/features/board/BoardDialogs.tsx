import { useTranslation } from 'react-i18next';
import { TextPromptDialog } from '../../components/TextPromptDialog';
import { renameColumn } from '../../domain/boardCommands';
import type { Column, Note } from '../../domain/types';
import type { BoardContent } from '../../domain/types';
import { LIMITS } from '../../domain/validation';
import { run } from '../app/commands';
import { titleValidator } from '../app/validators';
import { DeleteColumnDialog } from './DeleteColumnDialog';
import { MoveNoteDialog } from './MoveNoteDialog';

export type BoardDialog =
  | { kind: 'none' }
  | { kind: 'addColumn' }
  | { kind: 'renameColumn'; column: Column }
  | { kind: 'deleteColumn'; column: Column }
  | { kind: 'moveNote'; note: Note };

interface BoardDialogsProps {
  content: BoardContent;
  dialog: BoardDialog;
  onClose: () => void;
}

export function BoardDialogs({ content, dialog, onClose }: BoardDialogsProps) {
  const { t } = useTranslation();
  switch (dialog.kind) {
    case 'renameColumn':
      return (
        <TextPromptDialog
          title={t('columns.renameTitle')}
          label={t('fields.columnTitle')}
          initial={dialog.column.title}
          submitLabel={t('common.save')}
          validate={titleValidator('columnTitle', LIMITS.columnTitle)}
          onSubmit={(title) => run(() => renameColumn(content, dialog.column.id, title))}
          onClose={onClose}
        />
      );
    case 'deleteColumn':
      return <DeleteColumnDialog content={content} column={dialog.column} onClose={onClose} />;
    case 'moveNote':
      return <MoveNoteDialog content={content} note={dialog.note} onClose={onClose} />;
    default:
      return null;
  }
}

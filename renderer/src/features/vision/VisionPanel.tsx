import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardContent } from '../../domain/types';
import { useBoardVision } from '../../persistence/visionHooks';
import { AgreedVision } from './AgreedVision';
import { DraftVision } from './DraftVision';
import { StatementPicker } from './StatementPicker';
import { hasVisionBackup } from './useVisionText';
import { insertStatements } from './visionActions';
import './vision.css';

const COLLAPSED_PREFIX = 'moderato.visionCollapsed.';

function readCollapsed(key: string): boolean {
  try {
    return localStorage.getItem(key) === '1';
  } catch {
    return false;
  }
}

/**
 * The agreed vision (Leitbild) above a vision board: written as a short
 * formatted text (or drafted from chosen statements), then marked as agreed,
 * which records a decision for the minutes. Folds away so the board below
 * keeps the room on a projector.
 */
export function VisionPanel({ content }: { content: BoardContent }) {
  // Another board starts afresh: its own folding, its own editor.
  return <VisionPanelOfBoard key={content.board.id} content={content} />;
}

function VisionPanelOfBoard({ content }: { content: BoardContent }) {
  const { t } = useTranslation();
  const id = useId();
  const { board } = content;
  const loaded = useBoardVision(board.id);
  const collapsedKey = COLLAPSED_PREFIX + board.id;
  const [collapsed, setCollapsed] = useState(() => readCollapsed(collapsedKey));
  // Text typed before a reload but not saved yet reopens the editor with it.
  const [writing, setWriting] = useState(() => hasVisionBackup(board.id));
  const [picking, setPicking] = useState(false);
  const vision = loaded?.vision ?? null;
  const linked = useMemo(() => new Set(vision?.sourceNoteIds ?? []), [vision?.sourceNoteIds]);
  const target = useMemo(
    () => ({ workshopId: board.workshopId, boardId: board.id }),
    [board.workshopId, board.id],
  );

  function toggleCollapsed() {
    const next = !collapsed;
    setCollapsed(next);
    try {
      if (next) localStorage.setItem(collapsedKey, '1');
      else localStorage.removeItem(collapsedKey);
    } catch {
      // The choice then lasts until the board is left.
    }
  }

  const openPicker = useCallback(() => setPicking(true), []);
  const mode =
    loaded === undefined ? 'loading' : vision?.agreedAt ? 'agreed' : vision || writing ? 'draft' : 'empty';
  const body = useRef<HTMLDivElement>(null);
  const previousMode = useRef(mode);

  // When the panel changes state under the user's hands (agreed, revoked,
  // discarded), the button they pressed is gone: focus goes to what replaced it.
  // Not when they are elsewhere (e.g. pressed "Rückgängig" in the header).
  useEffect(() => {
    const before = previousMode.current;
    previousMode.current = mode;
    if (before === mode || before === 'loading') return;
    const active = document.activeElement;
    if (active && active !== document.body && !body.current?.contains(active)) return;
    body.current?.querySelector<HTMLElement>('[data-vision-focus]')?.focus();
  }, [mode]);
  const status = !vision
    ? t('vision.status.none')
    : vision.agreedAt
      ? t('vision.status.agreed')
      : t('vision.status.draft');

  return (
    <section className="vision-panel" aria-labelledby={`${id}-title`}>
      <div className="vision-header">
        <h2 id={`${id}-title`} className="vision-title">
          {t('vision.title')}
        </h2>
        <span className={`vision-status${vision?.agreedAt ? ' vision-status-agreed' : ''}`}>{status}</span>
        <button
          type="button"
          className="button button-small vision-collapse"
          aria-expanded={!collapsed}
          aria-controls={`${id}-body`}
          onClick={toggleCollapsed}
        >
          {collapsed ? t('vision.expand') : t('vision.collapse')}
        </button>
      </div>
      <div ref={body} id={`${id}-body`} className="vision-body" hidden={collapsed}>
        {loaded === undefined ? (
          <p aria-busy="true">{t('common.loading')}</p>
        ) : vision?.agreedAt ? (
          <AgreedVision vision={vision} content={content} />
        ) : vision || writing ? (
          <DraftVision
            target={target}
            vision={vision}
            content={content}
            autoFocus={writing && !vision}
            onCompose={openPicker}
            onDiscarded={() => setWriting(false)}
          />
        ) : (
          <div className="vision-empty">
            <p className="empty">{t('vision.empty')}</p>
            <div className="vision-actions">
              <button
                type="button"
                className="button button-primary"
                onClick={() => setWriting(true)}
                data-vision-focus
              >
                {t('vision.write')}
              </button>
              <button type="button" className="button" onClick={openPicker}>
                {t('vision.compose')}
              </button>
            </div>
          </div>
        )}
      </div>
      {picking && (
        <StatementPicker
          content={content}
          linked={linked}
          onInsert={(noteIds) => insertStatements(target, content, noteIds)}
          onClose={() => setPicking(false)}
        />
      )}
    </section>
  );
}

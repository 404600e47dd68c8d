/**
 * The writing round's screens as DOM: picking the name, writing cards (with
 * the person's own cards and what the facilitator shares), and the end. The
 * card field is built once per screen; later changes update the parts around
 * it, so a poll or a confirmation never disturbs typing.
 */
import type { LanWritingPhoneState } from '../../electron/shared/lanContract';
import { h, setChildren, setDisabled, uid } from './dom';
import type { Message, Translator } from './i18n';
import type { MyCard } from './outbox';
import { nameForm } from './screens';
import { button, counter, drawMine, drawShared, mineSection, textField } from './writingCards';

export type WritingScreen = 'name' | 'write' | 'closed';

/** Everything the writing screens show, decided by writingApp.ts. */
export interface WritingView {
  state: LanWritingPhoneState;
  screen: WritingScreen;
  cards: MyCard[];
  /** Cards the person may still write; null: no limit. */
  left: number | null;
  /** Named rounds: the name written as (picked or fixed), else null. */
  name: string | null;
  /** The name can no longer change (a card exists). */
  nameFixed: boolean;
  /** The name radio checked on the name screen. */
  picked: string | null;
  composer: string;
  editing: { clientId: string; text: string } | null;
  /** The card whose withdrawal waits for confirmation. */
  confirming: string | null;
  error: Message | null;
  /** A calm note under the field, e.g. that the laptop is busy. */
  notice: Message | null;
}

export interface WritingHandlers {
  selectName(participantId: string): void;
  pickName(participantId: string | null): void;
  changeName(): void;
  type(text: string): void;
  send(): void;
  startEdit(clientId: string): void;
  typeEdit(text: string): void;
  saveEdit(): void;
  cancelEdit(): void;
  askWithdraw(clientId: string): void;
  confirmWithdraw(): void;
  cancelWithdraw(): void;
}

export interface WritingParts {
  nodes: Node[];
  /** Focused when the screen is new. */
  heading: HTMLElement;
  /** Brings the screen up to date without rebuilding the card field. */
  update(view: WritingView): void;
  /** The card field (write screen only). */
  field?: HTMLTextAreaElement;
  /** The screen is built anew when this changes (the names still free). */
  key?: string;
}

function title(text: string, level: 'h1' | 'h2' = 'h1', extra = ''): HTMLElement {
  return h(level, { tabindex: '-1', class: (level === 'h1' ? 'title' : 'subtitle') + extra }, text);
}

function alertBox(): HTMLElement {
  return h('div', { role: 'alert', class: 'alert' });
}

function showMessage(tr: Translator, box: HTMLElement, message: Message | null): void {
  box.textContent = message ? tr.say(message) : '';
  box.hidden = !message;
}

/** The prompt in large type with the board's title above it. */
function promptHeader(tr: Translator, state: LanWritingPhoneState): { nodes: Node[]; heading: HTMLElement } {
  const heading = title(state.round.prompt, 'h1', ' prompt');
  // Written on the laptop, in its language, whatever the phone shows around it.
  heading.setAttribute('lang', state.round.language);
  return {
    nodes: [h('p', { class: 'kicker' }, tr.t('write.board', { title: state.round.boardTitle })), heading],
    heading,
  };
}

/** Redraws a part only when what it shows changed (keeps focus and scroll where they are). */
function changes(): (key: unknown) => boolean {
  let last = '';
  return (key) => {
    const next = JSON.stringify(key);
    if (next === last) return false;
    last = next;
    return true;
  };
}

function roundFacts(tr: Translator, view: WritingView, holder: HTMLElement, handlers: WritingHandlers): void {
  const round = view.state.round;
  const lines: Array<HTMLElement | null> = [];
  if (round.closesAt !== null && view.state.status === 'open')
    lines.push(h('p', { class: 'hint' }, tr.t('write.closesAt', { time: tr.time(round.closesAt) })));
  if (round.anonymous) lines.push(h('p', { class: 'hint' }, tr.t('write.anonymous')));
  else if (view.name !== null) {
    const change = view.nameFixed
      ? null
      : button(tr.t('name.change'), 'changeName', () => handlers.changeName(), 'link-button');
    lines.push(h('p', { class: 'voter' }, tr.t('write.writingAs', { name: view.name }), ' ', change));
  }
  setChildren(holder, lines);
}

export function writeScreen(tr: Translator, view: WritingView, handlers: WritingHandlers): WritingParts {
  const header = promptHeader(tr, view.state);
  const facts = h('div', { class: 'stack' });
  const fieldId = uid('note');
  const hintId = uid('hint');
  const countId = uid('count');
  const alert = alertBox();
  alert.id = uid('alert');
  const field = textField('note', fieldId, view.composer, `${hintId} ${countId} ${alert.id}`);
  const count = h('span', { id: countId });
  const left = h('span', { class: 'left', 'data-key': 'left' });
  const notice = h('p', { class: 'notice' });
  const send = h('button', { type: 'submit', class: 'button primary wide', 'data-key': 'send' });
  send.textContent = tr.t('write.send');
  const form = h(
    'form',
    { class: 'stack composer', novalidate: true },
    h('label', { for: fieldId, class: 'field-label' }, tr.t('write.noteLabel')),
    field,
    h('p', { class: 'field-foot' }, left, count),
    h('p', { id: hintId, class: 'hint' }, tr.t('write.noteHint')),
    alert,
    notice,
    send,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    handlers.send();
  });
  field.addEventListener('input', () => {
    setChildren(count, counter(tr, field.value.length));
    handlers.type(field.value);
  });
  // Ctrl/⌘+Enter sends; Enter alone is a new line on the card.
  field.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      handlers.send();
    }
  });
  const mine = mineSection(tr);
  const shared = h('div', {});
  const factsChanged = changes();
  const mineChanged = changes();
  const sharedChanged = changes();
  const update = (next: WritingView) => {
    if (factsChanged([next.state.round, next.state.status, next.name, next.nameFixed]))
      roundFacts(tr, next, facts, handlers);
    if (field.value !== next.composer) field.value = next.composer;
    setChildren(count, counter(tr, field.value.length));
    left.textContent =
      next.left === null
        ? ''
        : next.left > 0
          ? tr.t('write.left', { count: next.left })
          : tr.t('write.noneLeft', { count: next.state.round.maxNotesPerPerson ?? 0 });
    setDisabled(send, next.left === 0);
    showMessage(tr, alert, next.error);
    field.setAttribute('aria-invalid', next.error ? 'true' : 'false');
    showMessage(tr, notice, next.notice);
    if (mineChanged([next.cards, next.editing && next.editing.clientId, next.confirming]))
      drawMine(tr, mine.body, next, handlers);
    if (sharedChanged(next.state.shared))
      drawShared(tr, shared, next.state.shared, next.state.round.language);
  };
  update(view);
  return {
    nodes: [...header.nodes, facts, form, mine.section, shared],
    heading: header.heading,
    update,
    field,
  };
}

/** What the name screen is built from: a change of the free names rebuilds it. */
export function namesKey(view: WritingView): string | undefined {
  return view.screen === 'name' ? JSON.stringify(view.state.round.voters) : undefined;
}

export function writingNameScreen(
  tr: Translator,
  view: WritingView,
  handlers: WritingHandlers,
): WritingParts {
  const header = promptHeader(tr, view.state);
  const alert = alertBox();
  const voters = view.state.round.voters;
  const question = h('h2', { class: 'subtitle' }, tr.t('name.heading'));
  const list = h('div', {});
  const form = nameForm(tr, voters, view.picked, alert, handlers);
  setChildren(list, voters.length === 0 ? h('p', { class: 'lead' }, tr.t('name.none')) : form);
  return {
    nodes: [...header.nodes, question, h('p', { class: 'lead' }, tr.t('write.nameIntro')), list],
    heading: header.heading,
    update: (next) => showMessage(tr, alert, next.error),
    key: namesKey(view),
  };
}

export function writingClosedScreen(tr: Translator, view: WritingView): WritingParts {
  const header = promptHeader(tr, view.state);
  const ended = title(tr.t('write.closedHeading'), 'h2');
  const mine = mineSection(tr);
  const shared = h('div', {});
  const mineChanged = changes();
  const sharedChanged = changes();
  const update = (next: WritingView) => {
    if (mineChanged(next.cards)) drawMine(tr, mine.body, next, null);
    if (sharedChanged(next.state.shared))
      drawShared(tr, shared, next.state.shared, next.state.round.language);
  };
  update(view);
  return {
    nodes: [...header.nodes, h('div', { class: 'ended' }, ended), mine.section, shared],
    heading: ended,
    update,
  };
}

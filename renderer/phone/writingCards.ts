/**
 * The person's own cards and the group's shared cards on the writing screen:
 * each card with its send state, changed in place or withdrawn after asking.
 * Text from the laptop only ever becomes text nodes.
 */
import { LAN_LIMITS } from '../../electron/shared/lanContract';
import { h, setChildren, uid } from './dom';
import type { Translator } from './i18n';
import type { CardStatus, MyCard } from './outbox';
import type { WritingHandlers, WritingView } from './writingScreens';

const MAX = LAN_LIMITS.maxNoteChars;

/** "123/300", with the full sentence for screen readers. */
export function counter(tr: Translator, length: number): HTMLElement {
  const over = length > MAX;
  return h(
    'span',
    { class: over ? 'counter counter-over' : 'counter' },
    h('span', { 'aria-hidden': 'true' }, tr.t('write.counter', { used: length, max: MAX })),
    h('span', { class: 'visually-hidden' }, tr.t('write.counterLabel', { used: length, max: MAX })),
  );
}

export function textField(key: string, id: string, value: string, describedBy: string): HTMLTextAreaElement {
  const field = h('textarea', {
    id,
    class: 'note-input',
    rows: 4,
    maxlength: MAX,
    autocomplete: 'off',
    'data-key': key,
    'aria-describedby': describedBy,
  });
  field.value = value;
  return field;
}

const STATUS_KEYS: Record<CardStatus, string> = {
  sent: 'write.statusSent',
  sending: 'write.statusSending',
  unsent: 'write.statusUnsent',
  stopped: 'write.statusStopped',
};

function statusLine(tr: Translator, status: CardStatus): HTMLElement {
  return h('p', { class: `card-status card-${status}` }, tr.t(STATUS_KEYS[status]));
}

export function button(text: string, key: string, onClick: () => void, kind = 'button', label?: string) {
  const element = h(
    'button',
    { type: 'button', class: kind, 'data-key': key, 'aria-label': label ?? null },
    text,
  );
  element.addEventListener('click', onClick);
  return element;
}

function cardItem(
  tr: Translator,
  view: WritingView,
  card: MyCard,
  number: number,
  handlers: WritingHandlers | null,
): HTMLElement {
  const id = card.clientId;
  const editing = view.editing && view.editing.clientId === id ? view.editing : null;
  if (editing && handlers) {
    const fieldId = uid('edit');
    const countId = uid('count');
    const field = textField(`edit:${id}`, fieldId, editing.text, countId);
    const count = h('p', { id: countId, class: 'field-foot' }, counter(tr, editing.text.length));
    field.addEventListener('input', () => {
      setChildren(count, counter(tr, field.value.length));
      handlers.typeEdit(field.value);
    });
    return h(
      'li',
      { class: 'card card-editing' },
      h('label', { for: fieldId, class: 'field-label' }, tr.t('write.editFieldLabel', { number })),
      field,
      count,
      h(
        'div',
        { class: 'card-actions' },
        button(tr.t('write.save'), `save:${id}`, () => handlers.saveEdit(), 'button primary'),
        button(tr.t('write.cancel'), `cancel:${id}`, () => handlers.cancelEdit(), 'button'),
      ),
    );
  }
  const confirming = handlers && view.confirming === id;
  return h(
    'li',
    { class: 'card' },
    h('p', { class: 'card-text' }, card.text),
    statusLine(tr, card.status),
    handlers && confirming ? confirmBox(tr, id, number, handlers) : null,
    handlers && !confirming
      ? h(
          'div',
          { class: 'card-actions' },
          button(
            tr.t('write.edit'),
            `edit:${id}:button`,
            () => handlers.startEdit(id),
            'button',
            tr.t('write.editLabel', { number }),
          ),
          button(
            tr.t('write.withdraw'),
            `withdraw:${id}`,
            () => handlers.askWithdraw(id),
            'button',
            tr.t('write.withdrawLabel', { number }),
          ),
        )
      : null,
  );
}

/** "Really withdraw?" in the card, its question read with each of its two buttons. */
function confirmBox(tr: Translator, id: string, number: number, handlers: WritingHandlers): HTMLElement {
  const questionId = uid('confirm');
  const yes = button(
    tr.t('write.confirmYes'),
    `yes:${id}`,
    () => handlers.confirmWithdraw(),
    'button danger',
  );
  const keep = button(tr.t('write.keep'), `keep:${id}`, () => handlers.cancelWithdraw(), 'button');
  yes.setAttribute('aria-describedby', questionId);
  keep.setAttribute('aria-describedby', questionId);
  return h(
    'div',
    { class: 'confirm', role: 'group', 'aria-labelledby': questionId },
    h('p', { id: questionId }, tr.t('write.confirmWithdraw', { number })),
    h('div', { class: 'card-actions' }, yes, keep),
  );
}

/** "Meine Karten": the heading and the list (or a line saying there is none yet). */
export function mineSection(tr: Translator): { section: HTMLElement; body: HTMLElement } {
  const headingId = uid('mine');
  const body = h('div', {});
  const section = h(
    'section',
    { class: 'stack', 'aria-labelledby': headingId },
    h('h2', { id: headingId, class: 'subtitle' }, tr.t('write.mineHeading')),
    body,
  );
  return { section, body };
}

export function drawMine(
  tr: Translator,
  body: HTMLElement,
  view: WritingView,
  handlers: WritingHandlers | null,
) {
  if (view.cards.length === 0) {
    setChildren(
      body,
      h('p', { class: 'empty' }, tr.t(view.screen === 'closed' ? 'write.closedNone' : 'write.mineEmpty')),
    );
    return;
  }
  setChildren(
    body,
    h(
      'ol',
      { class: 'cards' },
      view.cards.map((card, index) => cardItem(tr, view, card, index + 1, handlers)),
    ),
  );
}

/** "Karten der Gruppe": the texts the facilitator shares, text only. */
export function drawShared(
  tr: Translator,
  holder: HTMLElement,
  shared: readonly string[],
  language: string,
): void {
  if (shared.length === 0) return setChildren(holder);
  const headingId = uid('shared');
  setChildren(
    holder,
    h(
      'section',
      { class: 'stack', 'aria-labelledby': headingId },
      h('h2', { id: headingId, class: 'subtitle' }, tr.t('write.sharedHeading')),
      h('p', { class: 'hint' }, tr.t('write.sharedIntro')),
      h(
        'ul',
        { class: 'cards shared', lang: language },
        shared.map((text) => h('li', { class: 'card' }, h('p', { class: 'card-text' }, text))),
      ),
    ),
  );
}

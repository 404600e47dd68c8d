/**
 * The page's screens as DOM, drawn from the model: entering the code,
 * connecting, picking a name, the ballot, the confirmation and the end.
 */
import type { LanPhoneState } from '../../electron/shared/lanContract';
import type { Item } from './ballotDraft';
import { ballotSummary, methodExplanation, remainingMessage } from './ballotDraft';
import type { BallotContext, BallotView } from './ballotViews';
import { ballotView } from './ballotViews';
import { h, setDisabled, uid } from './dom';
import type { Translator } from './i18n';
import type { Model } from './phoneModel';
import { voterName } from './phoneModel';

export interface Handlers {
  join(code: string): void;
  pickName(participantId: string | null): void;
  /** A name radio was checked (kept, but the list stays until "Weiter"). */
  selectName(participantId: string): void;
  changeName(): void;
  submit(): void;
  changeBallot(): void;
  cancelChange(): void;
}

export interface ScreenParts {
  nodes: Node[];
  /** Focused when the screen is new. */
  heading: HTMLElement;
  /** role=alert: model.error in words. */
  alert: HTMLElement;
  remaining?: HTMLElement;
  ballot?: BallotView;
}

function alertBox(tr: Translator, model: Model): HTMLElement {
  const box = h('div', { role: 'alert', class: 'alert' });
  if (model.error) box.textContent = tr.say(model.error);
  box.hidden = !model.error;
  return box;
}

function heading(text: string, level: 'h1' | 'h2' = 'h1'): HTMLElement {
  return h(level, { tabindex: '-1', class: level === 'h1' ? 'title' : 'subtitle' }, text);
}

export function codeScreen(tr: Translator, model: Model, handlers: Handlers): ScreenParts {
  const inputId = uid('code');
  const hintId = uid('hint');
  const alert = alertBox(tr, model);
  alert.id = uid('alert');
  const input = h('input', {
    id: inputId,
    class: 'code-input',
    type: 'text',
    autocomplete: 'off',
    autocapitalize: 'characters',
    autocorrect: 'off',
    spellcheck: 'false',
    maxlength: 16,
    'data-key': 'code',
    'aria-describedby': `${hintId} ${alert.id}`,
    'aria-invalid': model.error ? 'true' : null,
  });
  input.value = model.code;
  const title = heading(tr.t('join.heading'));
  const form = h(
    'form',
    { class: 'stack', novalidate: true },
    h('label', { for: inputId, class: 'field-label' }, tr.t('join.codeLabel')),
    input,
    h('p', { id: hintId, class: 'hint' }, tr.t('join.codeHint')),
    alert,
    h('button', { type: 'submit', class: 'button primary wide', 'data-key': 'join' }, tr.t('join.submit')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    handlers.join(input.value);
  });
  return { nodes: [title, h('p', { class: 'lead' }, tr.t('join.intro')), form], heading: title, alert };
}

export function joiningScreen(tr: Translator, model: Model): ScreenParts {
  const title = heading(tr.t('app.title'));
  const alert = alertBox(tr, model);
  return {
    nodes: [title, h('p', { role: 'status', class: 'lead busy' }, tr.t('join.joining')), alert],
    heading: title,
    alert,
  };
}

function roundIntro(tr: Translator, phone: LanPhoneState): Node[] {
  const nodes: Node[] = [
    h(
      'p',
      { class: 'lead' },
      methodExplanation(phone.round.settings)
        .map((message) => tr.say(message))
        .join(' '),
    ),
  ];
  const closesAt = phone.round.closesAt;
  if (closesAt !== null && phone.status === 'open')
    nodes.push(h('p', { class: 'hint' }, tr.t('method.closesAt', { time: tr.time(closesAt) })));
  return nodes;
}

export function nameScreen(tr: Translator, model: Model, handlers: Handlers): ScreenParts {
  const phone = model.phone!;
  const title = heading(phone.round.title);
  const alert = alertBox(tr, model);
  const voters = phone.round.voters;
  const question = h('h2', { class: 'subtitle' }, tr.t('name.heading'));
  if (voters.length === 0)
    return {
      nodes: [title, question, h('p', { class: 'lead' }, tr.t('name.none')), alert],
      heading: title,
      alert,
    };
  const form = nameForm(tr, voters, model.draft.participantId, alert, handlers);
  return {
    nodes: [title, question, h('p', { class: 'lead' }, tr.t('name.intro')), form],
    heading: title,
    alert,
  };
}

/** The name choice of both kinds of round: one radio per free name, then "Weiter". */
export function nameForm(
  tr: Translator,
  voters: ReadonlyArray<{ id: string; name: string }>,
  picked: string | null | undefined,
  alert: HTMLElement,
  on: { selectName(id: string): void; pickName(id: string | null): void },
): HTMLFormElement {
  const radios = voters.map((voter) => {
    const radio = h('input', {
      type: 'radio',
      name: 'voter',
      value: voter.id,
      'data-key': `voter:${voter.id}`,
      checked: voter.id === picked,
    });
    radio.addEventListener('change', () => {
      if (!radio.checked) return;
      markChosen();
      on.selectName(voter.id);
    });
    return radio;
  });
  const options = voters.map((voter, index) =>
    h('label', { class: 'name-option' }, radios[index]!, h('span', { class: 'name-text' }, voter.name)),
  );
  const markChosen = () =>
    options.forEach((option, index) => option.classList.toggle('name-option-chosen', radios[index]!.checked));
  markChosen();
  const form = h(
    'form',
    { class: 'stack', novalidate: true },
    h(
      'fieldset',
      { class: 'names' },
      h('legend', { class: 'visually-hidden' }, tr.t('name.legend')),
      options,
    ),
    alert,
    h(
      'button',
      { type: 'submit', class: 'button primary wide', 'data-key': 'continue' },
      tr.t('name.continue'),
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = radios.filter((radio) => radio.checked)[0];
    on.pickName(chosen ? chosen.value : null);
  });
  return form;
}

export function ballotScreen(
  tr: Translator,
  model: Model,
  handlers: Handlers,
  context: Omit<BallotContext, 'tr' | 'items'>,
): ScreenParts {
  const phone = model.phone!;
  const items: Item[] = phone.round.items;
  const title = heading(phone.round.title);
  const alert = alertBox(tr, model);
  const ballot = ballotView(phone.round.settings, { ...context, tr, items });
  const name = voterName(phone, model.draft.participantId);
  const remaining = h('p', { class: 'remaining', 'data-key': 'remaining' });
  remaining.textContent = tr.say(remainingMessage(phone.round.settings, items, model.draft));
  const submit = h(
    'button',
    { type: 'button', class: 'button primary wide', 'data-key': 'submit' },
    tr.t(model.sending ? 'ballot.sending' : 'ballot.submit'),
  );
  setDisabled(submit, model.sending);
  submit.addEventListener('click', () => handlers.submit());
  const changeName =
    name !== null && !phone.ballot
      ? h('button', { type: 'button', class: 'link-button', 'data-key': 'changeName' }, tr.t('name.change'))
      : null;
  if (changeName) changeName.addEventListener('click', () => handlers.changeName());
  const cancel = model.editing
    ? h('button', { type: 'button', class: 'button wide', 'data-key': 'cancel' }, tr.t('ballot.cancelChange'))
    : null;
  if (cancel) cancel.addEventListener('click', () => handlers.cancelChange());
  return {
    nodes: [
      title,
      ...roundIntro(tr, phone),
      name !== null ? h('p', { class: 'voter' }, tr.t('name.votingAs', { name }), ' ', changeName) : null,
      h('h2', { class: 'visually-hidden' }, tr.t('ballot.itemsHeading')),
      ballot.element,
      h('div', { class: 'submit-bar' }, remaining, alert, submit, cancel),
    ].filter((node): node is HTMLElement => node !== null),
    heading: title,
    alert,
    remaining,
    ballot,
  };
}

function summaryList(tr: Translator, phone: LanPhoneState): Node[] {
  if (!phone.ballot) return [];
  const lines = ballotSummary(phone.round.items, phone.ballot.content);
  return [
    h('h3', { class: 'list-heading' }, tr.t('sent.summaryHeading')),
    h(
      'ul',
      { class: 'summary' },
      lines.map((line) =>
        h(
          'li',
          {},
          h('span', { class: 'summary-label' }, line.label),
          h('span', { class: 'summary-value' }, tr.say(line.value)),
        ),
      ),
    ),
  ];
}

export function sentScreen(tr: Translator, model: Model, handlers: Handlers): ScreenParts {
  const phone = model.phone!;
  const ballot = phone.ballot!;
  const title = heading(phone.round.title);
  const confirmed = heading(tr.t('sent.heading'), 'h2');
  const alert = alertBox(tr, model);
  const name = phone.round.anonymous ? null : voterName(phone, ballot.participantId);
  const change = h(
    'button',
    { type: 'button', class: 'button primary wide', 'data-key': 'change' },
    tr.t('sent.change'),
  );
  change.addEventListener('click', () => handlers.changeBallot());
  return {
    nodes: [
      title,
      h(
        'div',
        { class: 'confirmation' },
        h('span', { class: 'check', 'aria-hidden': 'true' }, '✓'),
        h(
          'div',
          {},
          confirmed,
          h(
            'p',
            {},
            tr.t('sent.at', { time: tr.time(ballot.updatedAt) }),
            name ? ` ${tr.t('sent.votedAs', { name })}` : '',
          ),
        ),
      ),
      ...summaryList(tr, phone),
      alert,
      h('p', { class: 'hint' }, tr.t('sent.changeHint')),
      change,
    ],
    heading: confirmed,
    alert,
  };
}

export function closedScreen(tr: Translator, model: Model): ScreenParts {
  const phone = model.phone;
  const title = heading(phone ? phone.round.title : tr.t('app.title'));
  // Turned away at joining, the kind of round is not known either.
  const ended = heading(tr.t(phone ? 'closed.heading' : 'closed.unknown'), 'h2');
  const alert = alertBox(tr, model);
  return {
    nodes: [
      title,
      h(
        'div',
        { class: 'ended' },
        ended,
        // Turned away at joining: whether this phone voted is not known.
        phone ? h('p', {}, tr.t(phone.ballot ? 'closed.withBallot' : 'closed.withoutBallot')) : null,
      ),
      ...(phone ? summaryList(tr, phone) : []),
      alert,
    ],
    heading: ended,
    alert,
  };
}

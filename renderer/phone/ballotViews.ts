/**
 * The ballot controls of each method. Each view is built once per screen and
 * updated in place, so focus and the screen reader's position survive every
 * tap; only the ranking lists are redrawn, and they put the focus back.
 */
import type { LanVotingSettings } from '../../electron/shared/lanContract';
import type { Draft, Item, Step } from './ballotDraft';
import {
  RATING_VALUES,
  addDot,
  clearRating,
  dotsLeft,
  dotsOn,
  rankAdd,
  rankMove,
  rankRemove,
  remainingMessage,
  removeDot,
  setPoints,
  setRating,
} from './ballotDraft';
import { focusKey, h, setChildren, setDisabled, uid } from './dom';
import type { Translator } from './i18n';

export interface BallotContext {
  tr: Translator;
  items: readonly Item[];
  draft(): Draft;
  /** Stores the new selection, redraws what depends on it and says `announcement`. */
  change(draft: Draft, announcement?: string): void;
  announce(text: string): void;
}

export interface BallotView {
  element: HTMLElement;
  update(): void;
}

type Settings<M extends LanVotingSettings['method']> = Extract<LanVotingSettings, { method: M }>;

export function ballotView(settings: LanVotingSettings, ctx: BallotContext): BallotView {
  switch (settings.method) {
    case 'dots':
      return dotsView(settings, ctx);
    case 'points':
      return pointsView(settings, ctx);
    case 'ranking':
      return rankingView(settings, ctx);
    case 'impactEffort':
      return impactEffortView(ctx);
  }
}

/** Says the refusal, or takes the step and says what changed. */
function take(ctx: BallotContext, step: Step, describe: (draft: Draft) => string): void {
  if (!step.ok) ctx.announce(ctx.tr.say(step.reason));
  else ctx.change(step.draft, describe(step.draft));
}

function remainingText(settings: LanVotingSettings, ctx: BallotContext, draft: Draft): string {
  return ctx.tr.say(remainingMessage(settings, ctx.items, draft));
}

// ---------------------------------------------------------------- dots

function dotsView(settings: Settings<'dots'>, ctx: BallotContext): BallotView {
  const { tr } = ctx;
  const rows = ctx.items.map((item) => {
    const labelId = uid('item');
    const remove = h('button', { type: 'button', class: 'step', 'data-key': `remove:${item.id}` }, '−');
    const add = h('button', { type: 'button', class: 'step', 'data-key': `add:${item.id}` }, '+');
    remove.setAttribute('aria-label', tr.t('dots.remove', { item: item.label }));
    add.setAttribute('aria-label', tr.t('dots.add', { item: item.label }));
    const count = h('span', { class: 'count', 'aria-hidden': 'true' });
    const countText = h('span', { class: 'visually-hidden' });
    // Small budgets show the dots themselves; a row of 20 would not fit a phone.
    const pips =
      settings.maxPerItem <= 5
        ? RATING_VALUES.slice(0, settings.maxPerItem).map(() => h('span', { class: 'pip' }))
        : [];
    const describe = (draft: Draft) =>
      tr.t('ballot.itemCount', {
        item: item.label,
        value: tr.t('dots.count', { count: dotsOn(draft, item.id) }),
      }) +
      ' ' +
      remainingText(settings, ctx, draft) +
      '.';
    remove.addEventListener('click', () => take(ctx, removeDot(ctx.draft(), item), describe));
    add.addEventListener('click', () => take(ctx, addDot(settings, ctx.draft(), item), describe));
    const element = h(
      'li',
      { class: 'item' },
      h('span', { class: 'item-label', id: labelId }, item.label),
      h(
        'div',
        { class: 'stepper', role: 'group', 'aria-labelledby': labelId },
        remove,
        h(
          'span',
          { class: 'count-box' },
          count,
          countText,
          pips.length ? h('span', { class: 'pips', 'aria-hidden': 'true' }, pips) : null,
        ),
        add,
      ),
    );
    const update = () => {
      const draft = ctx.draft();
      const on = dotsOn(draft, item.id);
      count.textContent = tr.number(on);
      countText.textContent = tr.t('dots.count', { count: on });
      pips.forEach((pip, index) => pip.classList.toggle('pip-on', index < on));
      element.classList.toggle('item-chosen', on > 0);
      setDisabled(remove, on <= 0);
      setDisabled(add, on >= settings.maxPerItem || dotsLeft(settings, draft) <= 0);
    };
    return { element, update };
  });
  const element = h(
    'ul',
    { class: 'items' },
    rows.map((row) => row.element),
  );
  const update = () => rows.forEach((row) => row.update());
  update();
  return { element, update };
}

// ---------------------------------------------------------------- points

function pointsView(settings: Settings<'points'>, ctx: BallotContext): BallotView {
  const { tr } = ctx;
  const rows = ctx.items.map((item) => {
    const inputId = uid('points');
    const input = h('input', {
      id: inputId,
      type: 'text',
      inputmode: 'numeric',
      pattern: '[0-9]*',
      autocomplete: 'off',
      class: 'points-input',
      'data-key': `points:${item.id}`,
      maxlength: 5,
    });
    input.value = ctx.draft().points[item.id] ?? '';
    input.addEventListener('input', () => ctx.change(setPoints(ctx.draft(), item.id, input.value)));
    // Said once the person leaves the field, not on every digit.
    input.addEventListener('change', () => ctx.announce(remainingText(settings, ctx, ctx.draft()) + '.'));
    const element = h(
      'li',
      { class: 'item item-points' },
      h(
        'label',
        { class: 'item-label', for: inputId },
        item.label,
        h('span', { class: 'visually-hidden' }, ` – ${tr.t('points.unit')}`),
      ),
      h(
        'span',
        { class: 'points-field' },
        input,
        h('span', { class: 'unit', 'aria-hidden': 'true' }, tr.t('points.unit')),
      ),
    );
    return {
      element,
      update: () =>
        element.classList.toggle('item-chosen', (ctx.draft().points[item.id] ?? '').trim() !== ''),
    };
  });
  const element = h(
    'ul',
    { class: 'items' },
    rows.map((row) => row.element),
  );
  const update = () => rows.forEach((row) => row.update());
  update();
  return { element, update };
}

// ---------------------------------------------------------------- ranking

function rankingView(settings: Settings<'ranking'>, ctx: BallotContext): BallotView {
  const { tr } = ctx;
  const chosenHeadingId = uid('chosen');
  const othersHeadingId = uid('others');
  const chosenList = h('ol', { class: 'items ranked', 'aria-labelledby': chosenHeadingId });
  const othersList = h('ul', { class: 'items', 'aria-labelledby': othersHeadingId });
  const chosenEmpty = h('p', { class: 'empty' }, tr.t('ranking.chosenEmpty'));
  const othersEmpty = h('p', { class: 'empty' }, tr.t('ranking.othersEmpty'));
  const byId = (id: string) => ctx.items.filter((item) => item.id === id)[0];
  /** Where the focus goes after a step, when its own button is gone. */
  let focusAfter: string[] = [];

  const moved = (item: Item) => (draft: Draft) =>
    tr.t('ranking.movedTo', { item: item.label, place: draft.order.indexOf(item.id) + 1 }) +
    ' ' +
    remainingText(settings, ctx, draft) +
    '.';

  const iconButton = (key: string, icon: string, label: string, onClick: () => void) => {
    const button = h('button', { type: 'button', class: 'icon-button', 'data-key': key }, icon);
    button.setAttribute('aria-label', label);
    button.addEventListener('click', onClick);
    return button;
  };

  const draw = () => {
    const draft = ctx.draft();
    const chosen = draft.order.map(byId).filter((item): item is Item => item !== undefined);
    const others = ctx.items.filter((item) => draft.order.indexOf(item.id) < 0);
    const full = chosen.length >= settings.topK;
    setChildren(
      chosenList,
      chosen.map((item, index) => {
        const up = iconButton(`up:${item.id}`, '↑', tr.t('ranking.up', { item: item.label }), () => {
          focusAfter = [`up:${item.id}`];
          take(ctx, rankMove(ctx.draft(), item, -1), moved(item));
        });
        const down = iconButton(`down:${item.id}`, '↓', tr.t('ranking.down', { item: item.label }), () => {
          focusAfter = [`down:${item.id}`];
          take(ctx, rankMove(ctx.draft(), item, 1), moved(item));
        });
        const remove = iconButton(
          `remove:${item.id}`,
          '✕',
          tr.t('ranking.remove', { item: item.label }),
          () => {
            const order = ctx.draft().order;
            const at = order.indexOf(item.id);
            focusAfter = [order[at + 1], order[at - 1]]
              .filter((id): id is string => id !== undefined)
              .map((id) => `remove:${id}`)
              .concat([`add:${item.id}`]);
            const next = rankRemove(ctx.draft(), item.id);
            ctx.change(
              next,
              tr.t('ranking.removed', { item: item.label }) + ' ' + remainingText(settings, ctx, next) + '.',
            );
          },
        );
        setDisabled(up, index === 0);
        setDisabled(down, index === chosen.length - 1);
        return h(
          'li',
          { class: 'item item-ranked' },
          h('span', { class: 'place', 'aria-hidden': 'true' }, tr.number(index + 1)),
          h(
            'span',
            { class: 'item-label' },
            h('span', { class: 'visually-hidden' }, `${tr.t('ranking.place', { place: index + 1 })}: `),
            item.label,
          ),
          h('span', { class: 'row-actions' }, up, down, remove),
        );
      }),
    );
    setChildren(
      othersList,
      others.map((item, index) => {
        const add = h(
          'button',
          { type: 'button', class: 'button', 'data-key': `add:${item.id}` },
          tr.t('ranking.add'),
        );
        add.setAttribute('aria-label', tr.t('ranking.addLabel', { item: item.label }));
        setDisabled(add, full);
        add.addEventListener('click', () => {
          const rest = others.filter((other) => other.id !== item.id);
          const neighbour = rest[index] ?? rest[index - 1];
          focusAfter = (neighbour ? [`add:${neighbour.id}`] : []).concat([`remove:${item.id}`]);
          take(ctx, rankAdd(settings, ctx.draft(), item), moved(item));
        });
        return h('li', { class: 'item item-other' }, h('span', { class: 'item-label' }, item.label), add);
      }),
    );
    chosenEmpty.hidden = chosen.length > 0;
    othersEmpty.hidden = others.length > 0;
  };

  const element = h(
    'div',
    { class: 'ranking' },
    h('h3', { id: chosenHeadingId, class: 'list-heading' }, tr.t('ranking.chosenHeading')),
    chosenEmpty,
    chosenList,
    h('h3', { id: othersHeadingId, class: 'list-heading' }, tr.t('ranking.othersHeading')),
    othersEmpty,
    othersList,
  );
  draw();
  return {
    element,
    update: () => {
      const focused = document.activeElement;
      const hadFocus = focused !== null && element.contains(focused);
      draw();
      if (hadFocus) for (const key of focusAfter) if (focusKey(element, key)) break;
      focusAfter = [];
    },
  };
}

// ---------------------------------------------------------------- impact / effort

function impactEffortView(ctx: BallotContext): BallotView {
  const { tr } = ctx;
  const rows = ctx.items.map((item) => {
    const scale = (axis: 'impact' | 'effort') => {
      const name = uid(axis);
      const radios = RATING_VALUES.map((value) => {
        const radio = h('input', { type: 'radio', name, value, 'data-key': `${axis}:${item.id}:${value}` });
        radio.addEventListener('change', () => {
          if (radio.checked) ctx.change(setRating(ctx.draft(), item.id, axis, value));
        });
        return radio;
      });
      const element = h(
        'fieldset',
        { class: 'scale' },
        h(
          'legend',
          { class: 'scale-legend' },
          tr.t(axis === 'impact' ? 'impactEffort.impact' : 'impactEffort.effort'),
        ),
        h(
          'span',
          { class: 'choices' },
          radios.map((radio, index) =>
            h('label', { class: 'choice' }, radio, h('span', { class: 'choice-face' }, tr.number(index + 1))),
          ),
        ),
      );
      return { element, radios };
    };
    const impact = scale('impact');
    const effort = scale('effort');
    const clear = h(
      'button',
      { type: 'button', class: 'link-button', 'data-key': `clear:${item.id}` },
      tr.t('impactEffort.clear'),
    );
    clear.setAttribute('aria-label', tr.t('impactEffort.clearLabel', { item: item.label }));
    clear.addEventListener('click', () => {
      ctx.change(clearRating(ctx.draft(), item.id), tr.t('impactEffort.cleared', { item: item.label }));
      const first = impact.radios[0];
      if (first) first.focus();
    });
    const element = h(
      'li',
      { class: 'item item-rating' },
      h(
        'fieldset',
        { class: 'rating' },
        h('legend', { class: 'item-label' }, item.label),
        impact.element,
        effort.element,
        clear,
      ),
    );
    const update = () => {
      const rating = ctx.draft().ratings[item.id];
      impact.radios.forEach(
        (radio, index) => (radio.checked = !!rating && rating.impact === RATING_VALUES[index]),
      );
      effort.radios.forEach(
        (radio, index) => (radio.checked = !!rating && rating.effort === RATING_VALUES[index]),
      );
      clear.hidden = !rating;
      element.classList.toggle('item-chosen', !!rating);
    };
    return { element, update };
  });
  const element = h(
    'div',
    {},
    h('p', { class: 'scale-hint' }, tr.t('impactEffort.scale')),
    h(
      'ul',
      { class: 'items' },
      rows.map((row) => row.element),
    ),
  );
  const update = () => rows.forEach((row) => row.update());
  update();
  return { element, update };
}

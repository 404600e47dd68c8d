import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { initI18n } from '../../renderer/src/i18n';

// jsdom has no modal dialogs: open them as plain dialogs.
if (typeof HTMLDialogElement !== 'undefined' && !HTMLDialogElement.prototype.showModal) {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    this.removeAttribute('open');
  };
}

initI18n('de');
afterEach(() => {
  cleanup();
  localStorage.clear();
});

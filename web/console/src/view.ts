import { LitElement } from 'lit';
import type { StaffUser } from './api.ts';
import { ApiError } from './api.ts';
import { t } from './i18n.ts';

/**
 * Base of every console view: light DOM (one stylesheet for the whole console, and forms that
 * password managers and tests see), the signed-in user, and the UI language as a property so
 * that switching language re-renders the view.
 */
export class ConsoleView extends LitElement {
  static override properties = { user: { attribute: false }, lang: { type: String }, param: { type: String } };
  declare user: StaffUser | null;
  declare lang: string;
  declare param: string | undefined;

  protected override createRenderRoot() {
    return this;
  }

  /** A message for the person: the server's own words for 4xx, a generic one otherwise. */
  protected errorText(err: unknown): string {
    if (err instanceof ApiError && err.status < 500) return err.message;
    return t('common.failed');
  }

  /** Moves focus to the view's heading after navigation, for keyboard and screen-reader users. */
  protected focusHeading() {
    this.updateComplete.then(() => this.querySelector<HTMLElement>('h1')?.focus());
  }
}

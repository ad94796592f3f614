import type { Api } from './api.ts';
import type { SessionState } from './session.ts';
import type { Strings } from './strings.ts';

/**
 * What the widget's parts (transcript, forward form, ticket card) share with the element: the
 * API, the session state and a few services. One object instead of many callbacks.
 */
export interface WidgetContext {
  readonly api: Api;
  readonly state: SessionState;
  /** The interface strings in the UI language (a reply card uses its reply's language instead). */
  readonly t: Strings;
  readonly privacyUrl: string;
  /** One request at a time: a second click while one runs does nothing. */
  busy: boolean;
  save(): void;
  /** Says `text` once in the polite live region; focus stays where it is. */
  announce(text: string): void;
  focusQuestion(): void;
  /** Finds an element in the widget's shadow root. */
  find<T extends HTMLElement>(selector: string): T | null;
}

import type { AskResponse, TicketRef } from './api.ts';
import type { UiLocale } from './strings.ts';

/**
 * The open conversation and the last forwarded question, kept in sessionStorage only: it is gone
 * when the tab is closed. No cookies, no localStorage (the privacy notice says so).
 */
export interface CitizenMessage {
  from: 'citizen';
  text: string;
}

export interface AssistantMessage {
  from: 'assistant';
  question: string;
  response: AskResponse;
  feedback?: boolean;
}

export type Message = CitizenMessage | AssistantMessage;

export interface SessionState {
  open: boolean;
  locale: UiLocale;
  messages: Message[];
  ticket?: TicketRef;
}

const key = 'incident-faq-assistant';
/** Old turns are dropped so the stored conversation stays small. */
const maxMessages = 60;

function storage(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined; // blocked storage (privacy settings, sandboxed frames): keep state in memory
  }
}

/** Reads the stored state, or undefined when there is none (or it is unreadable). */
export function loadSession(): Partial<SessionState> | undefined {
  try {
    const raw = storage()?.getItem(key);
    const data = raw ? (JSON.parse(raw) as Partial<SessionState>) : undefined;
    return data && typeof data === 'object' && Array.isArray(data.messages) ? data : undefined;
  } catch {
    return undefined;
  }
}

/** Stores the state for this tab. */
export function saveSession(state: SessionState): void {
  try {
    storage()?.setItem(key, JSON.stringify({ ...state, messages: state.messages.slice(-maxMessages) }));
  } catch {
    // quota or blocked: the conversation simply is not restored
  }
}

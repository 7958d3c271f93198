// The complaint page's one composer (issue #21, item 3): a mode (what the text is) and a "send and …"
// choice (what happens to the complaint next) come down to exactly one staff intent, so everything
// after the composer — permission, workflow, events, mail — is the path the separate forms took.
// Pure and client-safe: the page imports it too, so it names the staff intents as plain strings
// (they are StaffIntent values of unit-actions.server.ts).

export const COMPOSER_MODES = ["reply", "ask", "propose", "note"] as const;
export type ComposerMode = (typeof COMPOSER_MODES)[number];

/** "send" keeps what the mode means; the others choose the next status for a reply to the citizen. */
export const COMPOSER_NEXT = ["send", "await-citizen", "resolve"] as const;
export type ComposerNext = (typeof COMPOSER_NEXT)[number];

export type ComposerIntent = "respond" | "request-info" | "propose-resolution" | "note";

export const MODE_INTENT: Record<ComposerMode, ComposerIntent> = {
  reply: "respond",
  ask: "request-info",
  propose: "propose-resolution",
  note: "note",
};

export const isComposerMode = (value: unknown): value is ComposerMode => typeof value === "string" && (COMPOSER_MODES as readonly string[]).includes(value);
export const isComposerNext = (value: unknown): value is ComposerNext => typeof value === "string" && (COMPOSER_NEXT as readonly string[]).includes(value);

/** The "send and …" choices that mean something for a mode (the page shows only these once JavaScript runs). */
export function nextChoices(mode: ComposerMode): ComposerNext[] {
  return mode === "reply" ? ["send", "await-citizen", "resolve"] : ["send"];
}

export type ComposerDecision = { ok: true; intent: ComposerIntent } | { ok: false; error: "inbox.composer.error.mode" | "inbox.composer.error.next" };

/**
 * Mode + next → one intent. Without JavaScript every button is on the page whatever mode is
 * checked, so a choice that repeats the mode (a question "sent and waiting for the citizen") is
 * taken as meant; one that contradicts it is refused rather than guessed — above all an internal
 * note must never go to the citizen because of the button that was pressed.
 */
export function composerIntent(mode: unknown, next: unknown): ComposerDecision {
  if (!isComposerMode(mode)) return { ok: false, error: "inbox.composer.error.mode" };
  const choice = next === undefined || next === "" ? "send" : next;
  if (!isComposerNext(choice)) return { ok: false, error: "inbox.composer.error.next" };
  if (choice === "send") return { ok: true, intent: MODE_INTENT[mode] };
  if (choice === "await-citizen" && (mode === "reply" || mode === "ask")) return { ok: true, intent: "request-info" };
  if (choice === "resolve" && (mode === "reply" || mode === "propose")) return { ok: true, intent: "propose-resolution" };
  return { ok: false, error: "inbox.composer.error.next" };
}

export interface ComposerModeOption {
  mode: ComposerMode;
  /** Sent on a complaint not yet acknowledged: the unit takes it in the same request (two events). */
  acknowledgesFirst: boolean;
}

/**
 * The modes to offer: those the user may take now, and — where the user may acknowledge — those
 * that acknowledging would open, so an officer can answer a freshly assigned complaint at once.
 * `intentsNow` / `intentsIfAcknowledged` are availableIntents for the current status and for
 * IN_PROGRESS.
 */
export function composerModes(intentsNow: readonly string[], intentsIfAcknowledged: readonly string[]): ComposerModeOption[] {
  const canAcknowledge = intentsNow.includes("acknowledge");
  const options: ComposerModeOption[] = [];
  for (const mode of COMPOSER_MODES) {
    const intent = MODE_INTENT[mode];
    if (intentsNow.includes(intent)) options.push({ mode, acknowledgesFirst: false });
    else if (canAcknowledge && intent !== "note" && intentsIfAcknowledged.includes(intent)) options.push({ mode, acknowledgesFirst: true });
  }
  return options;
}

/** Does sending `intent` need the acknowledgement first (null: not allowed at all)? */
export function acknowledgementFor(intent: ComposerIntent, intentsNow: readonly string[], intentsIfAcknowledged: readonly string[]): boolean | null {
  if (intentsNow.includes(intent)) return false;
  if (intent !== "note" && intentsNow.includes("acknowledge") && intentsIfAcknowledged.includes(intent)) return true;
  return null;
}

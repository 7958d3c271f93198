import { Form, useFetcher, useLocation, useNavigation } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { Field, FormAlert } from "~/components/forms";
import type { ComposerMode } from "~/domain/complaints/composer";
import type { StaffComplaintActionData, StaffComplaintPage } from "~/domain/complaints/staff-complaint.server";
import { useT, type MessageKey } from "~/services/i18n";

/** The forms the composer replaced still post (tests, bookmarks of old pages): the composer shows their refusals. */
const MESSAGE_INTENTS: Record<string, ComposerMode> = { respond: "reply", "request-info": "ask", "propose-resolution": "propose", note: "note" };

const MODE_KEYS: Record<ComposerMode, { label: MessageKey; hint: MessageKey }> = {
  reply: { label: "inbox.composer.mode.reply", hint: "inbox.composer.mode.replyHint" },
  ask: { label: "inbox.composer.mode.ask", hint: "inbox.composer.mode.askHint" },
  propose: { label: "inbox.composer.mode.propose", hint: "inbox.composer.mode.proposeHint" },
  note: { label: "inbox.composer.mode.note", hint: "inbox.composer.mode.noteHint" },
};

/** Is this refused post the composer's to show (else the page shows it under the actions, read-only)? */
export function composerHandles(actionData: StaffComplaintActionData | undefined, data: Pick<StaffComplaintPage, "composer" | "intents">): boolean {
  if (!actionData || data.composer.length === 0) return false;
  if (actionData.intent === "compose") return true;
  return actionData.intent in MESSAGE_INTENTS && (data.intents as readonly string[]).includes(actionData.intent);
}

function useHydrated() {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

/**
 * One composer for everything written on a complaint: the mode says what the text is (works as
 * radio buttons without JavaScript), the buttons say what happens next. The unit's templates are
 * picked where the text is written: with JavaScript inserted at the cursor, without it by reloading
 * the page with ?templat= (which pre-fills the text, as before).
 */
export function Composer({ data, actionData }: { data: StaffComplaintPage; actionData: StaffComplaintActionData | undefined }) {
  const t = useT();
  const hydrated = useHydrated();
  const navigation = useNavigation();
  const location = useLocation();
  const fetcher = useFetcher<StaffComplaintPage>();
  const textRef = useRef<HTMLTextAreaElement>(null);
  const templateRef = useRef<HTMLSelectElement>(null);
  const options = data.composer;
  const mine = composerHandles(actionData, data) ? actionData : undefined;
  const errors = mine?.errors ?? {};
  const askedMode = mine ? (mine.intent === "compose" ? mine.values.mode : MESSAGE_INTENTS[mine.intent]) : undefined;
  // A refused send comes back in its own mode; if that mode is gone (the status moved on), none is
  // checked rather than another one the text was not written for.
  const initialMode: ComposerMode | undefined = options.find((option) => option.mode === askedMode)?.mode ?? (mine ? undefined : options[0]?.mode);
  const [mode, setMode] = useState<ComposerMode | undefined>(initialMode);
  // A new timeline event means the send went through: the form remounts empty, so a sent reply does
  // not sit there ready to be sent twice (without JavaScript the page reloads anyway).
  const lastEventId = data.timeline.at(-1)?.id ?? "none";
  useEffect(() => setMode(initialMode), [lastEventId, initialMode]);

  // The chosen template's body arrives with the page's data for ?templat=<id>; insert it at the cursor.
  const inserted = useRef<string | null>(null);
  useEffect(() => {
    const body = fetcher.state === "idle" ? fetcher.data?.chosenTemplate?.body : undefined;
    const box = textRef.current;
    if (!body || !box || inserted.current === fetcher.data?.chosenTemplate?.id) return;
    inserted.current = fetcher.data?.chosenTemplate?.id ?? null;
    box.setRangeText(body, box.selectionStart, box.selectionEnd, "end");
    box.focus();
  }, [fetcher.state, fetcher.data]);

  if (options.length === 0) return null;
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === "compose";
  const canReply = options.some((option) => option.mode === "reply");
  // Without JavaScript every button is there whatever mode is checked; the server refuses a
  // choice that contradicts the mode (composer.ts).
  const showReplyChoices = canReply && (!hydrated || mode === "reply");
  const acknowledgesFirst = options.find((option) => option.mode === mode)?.acknowledgesFirst ?? false;
  const typed = mine ? (mine.values.message ?? "") : "";
  const prefill = mine ? "" : (data.chosenTemplate?.body ?? "");
  const dropped = Number(mine?.values.droppedFiles ?? 0);

  const insertTemplate = () => {
    const id = templateRef.current?.value;
    if (!id) return;
    inserted.current = null;
    fetcher.load(`${location.pathname}?templat=${encodeURIComponent(id)}`);
  };

  return (
    <section className="composer" id="composer" aria-labelledby="composer-title" data-testid="composer">
      <h2 id="composer-title">{t("inbox.composer.title")}</h2>
      <FormAlert message={errors.form ?? errors.next} />
      {dropped > 0 && Object.keys(errors).length > 0 ? (
        <p className="notice" data-testid="composer-files-again">
          {t("inbox.composer.filesAgain", { count: dropped })}
        </p>
      ) : null}
      {data.templates.length > 0 ? <form id="template-picker" method="get" data-testid="use-template" /> : null}
      <Form key={lastEventId} method="post" encType="multipart/form-data" className="stack" noValidate>
        <input type="hidden" name="intent" value="compose" />
        <fieldset className="composer__modes">
          <legend>{t("inbox.composer.mode.legend")}</legend>
          {options.map((option) => (
            <div className="field field--radio" key={option.mode}>
              <input
                type="radio"
                id={`composer-mode-${option.mode}`}
                name="mode"
                value={option.mode}
                defaultChecked={option.mode === initialMode}
                onChange={() => setMode(option.mode)}
                aria-describedby={`composer-mode-${option.mode}-hint`}
              />
              <label htmlFor={`composer-mode-${option.mode}`}>
                {t(MODE_KEYS[option.mode].label)}
                <span id={`composer-mode-${option.mode}-hint`} className="composer__hint">
                  {" "}
                  — {t(MODE_KEYS[option.mode].hint)}
                  {option.acknowledgesFirst ? ` ${t("inbox.composer.acknowledgesFirst")}` : ""}
                </span>
              </label>
            </div>
          ))}
        </fieldset>
        {data.templates.length > 0 ? (
          <div className="composer__templates">
            <Field id="templat" label={t("templates.use.label")} hint={hydrated ? t("inbox.composer.template.hintJs") : t("templates.use.hint")}>
              {(props) => (
                <select {...props} ref={templateRef} name="templat" form="template-picker" defaultValue={data.chosenTemplate?.id ?? ""}>
                  <option value="">{t("templates.use.choose")}</option>
                  {data.templates.map((tpl) => (
                    <option key={tpl.id} value={tpl.id} lang={tpl.locale}>
                      {tpl.title}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            {hydrated ? (
              <button type="button" className="button button--secondary" onClick={insertTemplate} disabled={fetcher.state !== "idle"} data-testid="template-insert">
                {t("inbox.composer.template.insert")}
              </button>
            ) : (
              <button type="submit" form="template-picker" className="button button--secondary">
                {t("templates.use.submit")}
              </button>
            )}
            {data.chosenTemplate && !mine ? (
              <p className="notice" role="status">
                {t("templates.use.applied", { title: data.chosenTemplate.title })}
              </p>
            ) : null}
          </div>
        ) : null}
        <Field id="composer-message" label={t("inbox.composer.message")} error={errors.message} required>
          {(props) => (
            <textarea {...props} ref={textRef} key={data.chosenTemplate?.id ?? "none"} name="message" rows={6} maxLength={5000} defaultValue={typed || prefill} />
          )}
        </Field>
        <Field id="composer-attachments" label={t("form.attachments")} hint={t("form.attachments.hint")} error={errors.attachments}>
          {(props) => <input {...props} name="attachments" type="file" multiple accept="image/jpeg,image/png,application/pdf" />}
        </Field>
        {hydrated && acknowledgesFirst ? (
          <p className="field__hint" data-testid="composer-acknowledges">
            {t("inbox.composer.acknowledgesFirstNote")}
          </p>
        ) : null}
        <div className="composer__send">
          <button type="submit" name="next" value="send" className="button" disabled={busy} data-testid="composer-send">
            {busy ? t("inbox.action.submitting") : t(hydrated ? sendKey(mode) : "inbox.composer.send")}
          </button>
          {showReplyChoices ? (
            <>
              <button type="submit" name="next" value="await-citizen" className="button button--secondary" disabled={busy} data-testid="composer-send-await">
                {t("inbox.composer.sendAwait")}
              </button>
              <button type="submit" name="next" value="resolve" className="button button--secondary" disabled={busy} data-testid="composer-send-resolve">
                {t("inbox.composer.sendResolve")}
              </button>
            </>
          ) : null}
        </div>
      </Form>
    </section>
  );
}

function sendKey(mode: ComposerMode | undefined): MessageKey {
  return mode ? (`inbox.composer.send.${mode}` as MessageKey) : "inbox.composer.send";
}

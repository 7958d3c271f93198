import { Form, useNavigation } from "@remix-run/react";
import { useRef } from "react";
import { PinPicker } from "~/components/map/pin-picker";
import type { MapTiles } from "~/components/map/lazy-map";
import { ErrorSummary, Field, FormAlert } from "~/components/forms";
import { ProductPicker } from "~/components/product-picker";
import { SimilarReports } from "~/components/citizen/similar-reports";
import { VisibilityChoice } from "~/components/visibility-choice";
import { MALADMINISTRATION_CHOOSER, type ComplaintFormField, type Visibility } from "~/domain/complaints/complaint-form";
import type { FileComplaintActionData } from "~/domain/complaints/file-complaint-form.server";
import type { FormOptions } from "~/models/catalogue.server";
import { HONEYPOT_FIELD, HONEYPOT_INPUT_ATTRIBUTES, HONEYPOT_WRAPPER_ATTRIBUTES } from "~/services/honeypot";
import { useT, type MessageKey } from "~/services/i18n";

/** Every field the citizen sees, by its name in the form; the hidden one-time key has no label. */
type LabelledField = Exclude<ComplaintFormField, "idempotencyKey">;

/**
 * What the error summary calls each field: the words of its label on the form, in the visitor's
 * language. Typed by the form's fields, so a field added without a label fails the type check
 * instead of showing its internal name ("address", "chooser") to a citizen.
 */
const FIELD_LABELS = {
  productId: "form.product",
  unitUnknown: "form.unitUnknown",
  description: "form.description",
  incidentDate: "form.incidentDate",
  chooser: "form.chooser",
  attachments: "form.attachments",
  kecamatanCode: "form.kecamatan",
  kelurahanCode: "form.kelurahan",
  address: "form.address",
  latitude: "location.latitude",
  longitude: "location.longitude",
  name: "form.name",
  email: "form.email",
  phone: "form.phone",
  visibility: "form.visibility",
  consent: "form.consent",
} as const satisfies Record<LabelledField, MessageKey>;

/** The complaint form, refilled with what was typed and each error beside its field. */
export function ComplaintForm({
  options,
  idempotencyKey,
  honeypot,
  actionData,
  tiles,
}: {
  options: FormOptions;
  idempotencyKey: string;
  honeypot: { formStartedAt: string };
  actionData: FileComplaintActionData | undefined;
  /** The map's tile server (app/services/map-config.server.ts). */
  tiles: MapTiles;
}) {
  const t = useT();
  const navigation = useNavigation();
  const submitting = navigation.state === "submitting";
  const errors = actionData?.status === "invalid" ? actionData.errors : {};
  const values = actionData?.status === "invalid" ? actionData.values : {};
  const honeypotFields = (actionData?.status === "invalid" && actionData.honeypot) || honeypot;
  const labels = Object.fromEntries(Object.entries(FIELD_LABELS).map(([field, key]) => [field, t(key)])) as Record<LabelledField, string>;
  // The one-time key is hidden: its error ("send the form again") is the form's, and the form gets a fresh key.
  const { form: formError, idempotencyKey: keyError, ...fieldErrorsOnly } = errors;
  const kecamatanSelect = useRef<HTMLSelectElement>(null);
  const kelurahanSelect = useRef<HTMLSelectElement>(null);
  // The map's kelurahan suggestion, accepted: both choosers set as if the citizen had picked them.
  const chooseKelurahan = (kecamatanCode: string, kelurahanCode: string) => {
    for (const [select, value] of [[kecamatanSelect.current, kecamatanCode], [kelurahanSelect.current, kelurahanCode]] as const) {
      if (!select) continue;
      select.value = value;
      select.dispatchEvent(new Event("change", { bubbles: true }));
    }
  };

  return (
    <>
      <h1>{t("form.title")}</h1>
      <p className="lead">{t("form.lead")}</p>
      <FormAlert message={formError ?? keyError} />
      <ErrorSummary errors={fieldErrorsOnly} labels={labels} />
      <Form method="post" encType="multipart/form-data" noValidate className="stack">
        <input type="hidden" name="idempotencyKey" value={keyError ? idempotencyKey : (values.idempotencyKey ?? idempotencyKey)} />
        <div className="visually-hidden" {...HONEYPOT_WRAPPER_ATTRIBUTES}>
          <label htmlFor={HONEYPOT_FIELD}>Website</label>
          <input id={HONEYPOT_FIELD} name={HONEYPOT_FIELD} {...HONEYPOT_INPUT_ATTRIBUTES} defaultValue="" />
        </div>
        <input type="hidden" name="formStartedAt" value={honeypotFields.formStartedAt} />

        <fieldset>
          <legend>{t("form.section.where")}</legend>
          <Field id="productId" label={labels.productId} hint={t("form.product.hint")} error={errors.productId}>
            {(props) => <ProductPicker units={options.units} defaultValue={values.productId ?? ""} selectProps={props} />}
          </Field>
          <div className="field field--checkbox">
            <input id="unitUnknown" name="unitUnknown" type="checkbox" defaultChecked={values.unitUnknown === "on"} />
            <label htmlFor="unitUnknown">{labels.unitUnknown}</label>
          </div>
        </fieldset>

        <fieldset>
          <legend>{t("form.section.what")}</legend>
          <Field id="description" label={labels.description} hint={t("form.description.hint")} error={errors.description} required>
            {(props) => <textarea {...props} name="description" rows={7} maxLength={5000} defaultValue={values.description ?? ""} />}
          </Field>
          <Field id="incidentDate" label={labels.incidentDate} hint={t("form.incidentDate.hint")} error={errors.incidentDate} required>
            {(props) => <input {...props} name="incidentDate" type="date" defaultValue={values.incidentDate ?? ""} />}
          </Field>
          <Field id="chooser" label={labels.chooser} hint={t("form.chooser.hint")} error={errors.chooser}>
            {(props) => (
              <select {...props} name="chooser" defaultValue={values.chooser ?? ""}>
                <option value="">{t("form.chooser.none")}</option>
                {MALADMINISTRATION_CHOOSER.map((choice) => (
                  <option key={choice.value} value={choice.value}>
                    {t(`form.chooser.${choice.value}` as MessageKey)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="attachments" label={labels.attachments} hint={t("form.attachments.hint")} error={errors.attachments}>
            {(props) => <input {...props} name="attachments" type="file" multiple accept="image/jpeg,image/png,application/pdf" />}
          </Field>
        </fieldset>

        <fieldset>
          <legend>{t("form.section.location")}</legend>
          <Field id="kecamatanCode" label={labels.kecamatanCode} error={errors.kecamatanCode}>
            {(props) => (
              <select {...props} ref={kecamatanSelect} name="kecamatanCode" defaultValue={values.kecamatanCode ?? ""}>
                <option value="">{t("form.optionalChoice")}</option>
                {options.kecamatan.map((k) => (
                  <option key={k.code} value={k.code}>
                    {k.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="kelurahanCode" label={labels.kelurahanCode} error={errors.kelurahanCode}>
            {(props) => (
              <select {...props} ref={kelurahanSelect} name="kelurahanCode" defaultValue={values.kelurahanCode ?? ""}>
                <option value="">{t("form.optionalChoice")}</option>
                {options.kecamatan.map((k) => (
                  <optgroup key={k.code} label={k.name}>
                    {k.kelurahan.map((l) => (
                      <option key={l.code} value={l.code}>
                        {l.name}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </select>
            )}
          </Field>
          <Field id="address" label={labels.address} error={errors.address}>
            {(props) => <input {...props} name="address" type="text" maxLength={300} defaultValue={values.address ?? ""} />}
          </Field>
          <PinPicker
            tiles={tiles}
            values={{ latitude: values.latitude, longitude: values.longitude }}
            errors={{ latitude: errors.latitude, longitude: errors.longitude }}
            labels={{ latitude: labels.latitude, longitude: labels.longitude }}
            kecamatan={options.kecamatan}
            onUseKelurahan={chooseKelurahan}
          />
        </fieldset>

        <SimilarReports />

        <fieldset>
          <legend>{t("form.section.you")}</legend>
          <Field id="name" label={labels.name} error={errors.name} required>
            {(props) => <input {...props} name="name" type="text" autoComplete="name" maxLength={120} defaultValue={values.name ?? ""} />}
          </Field>
          <Field id="email" label={labels.email} hint={t("form.contact.hint")} error={errors.email}>
            {(props) => <input {...props} name="email" type="email" autoComplete="email" inputMode="email" defaultValue={values.email ?? ""} />}
          </Field>
          <Field id="phone" label={labels.phone} error={errors.phone}>
            {(props) => <input {...props} name="phone" type="tel" autoComplete="tel" inputMode="tel" defaultValue={values.phone ?? ""} />}
          </Field>
        </fieldset>

        <VisibilityChoice chosen={(values.visibility as Visibility | undefined) ?? "RAHASIA"} error={errors.visibility} />

        <p className="notice">{t("form.pdpNotice")}</p>
        <div className={`field field--checkbox${errors.consent ? " field--error" : ""}`}>
          <input
            id="consent"
            name="consent"
            type="checkbox"
            defaultChecked={values.consent === "on"}
            aria-describedby={errors.consent ? "consent-error" : undefined}
            aria-invalid={errors.consent ? true : undefined}
          />
          <label htmlFor="consent">{labels.consent}</label>
          {errors.consent ? (
            <p id="consent-error" className="field__error">
              {t(errors.consent as MessageKey)}
            </p>
          ) : null}
        </div>

        <button type="submit" className="button" disabled={submitting} aria-disabled={submitting}>
          {submitting ? t("form.submitting") : t("form.submit")}
        </button>
      </Form>
    </>
  );
}

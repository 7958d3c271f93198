import { Form, useActionData } from "@remix-run/react";
import { Field, FormAlert } from "~/components/forms";
import { DURATION_UNITS, PRIORITIES, targetField } from "~/domain/admin/form-options";
import type { PolicyRow } from "~/domain/admin/sla.server";
import { SLA_STAGES } from "~/domain/complaints/workflow";
import { useT, type MessageKey } from "~/services/i18n";

export type SlaPolicyActionData = { id: string | null; errors: Record<string, string>; values: Record<string, string> };
type ActionData = SlaPolicyActionData;

/** The form's initial values: what was typed (after a refusal), else the stored policy. */
function formValues(policy: PolicyRow | undefined, data: ActionData | undefined): Record<string, string> {
  if (data) return data.values;
  if (!policy) return { reminderPercent: "75", escalationStepAmount: "2", escalationStepUnit: "WORKING_DAYS", isActive: "on" };
  const values: Record<string, string> = {
    code: policy.code,
    name: policy.name,
    source: policy.source,
    unitId: policy.unitId ?? "",
    productId: policy.productId ?? "",
    category: policy.category ?? "",
    priority: policy.priority ?? "",
    reminderPercent: String(policy.reminderPercent),
    escalationStepAmount: String(policy.escalationStepAmount),
    escalationStepUnit: policy.escalationStepUnit,
    isActive: policy.isActive ? "on" : "",
  };
  for (const target of policy.targets) {
    values[targetField("amount", target.stage)] = String(target.amount);
    values[targetField("unit", target.stage)] = target.unit;
    values[targetField("source", target.stage)] = target.source;
  }
  return values;
}

/** Creates or edits one SLA policy: its scope, a target per stage, reminders and escalation steps. */
export function PolicyForm({ policy, units }: { policy: PolicyRow | undefined; units: { id: string; name: string }[] }) {
  const t = useT();
  const actionData = useActionData<ActionData>();
  const data = actionData && actionData.id === (policy?.id ?? null) ? actionData : undefined;
  const values = formValues(policy, data);
  const errors = data?.errors ?? {};
  const v = (field: string) => values[field] ?? "";
  const unitLabel = (unit: string) => t(`adminSla.unit.${unit}` as MessageKey);
  return (
    <section className="card" aria-labelledby="policy-form-title" data-testid="policy-form">
      <h2 id="policy-form-title">{policy ? t("adminSla.sla.edit", { code: policy.code }) : t("adminSla.sla.new")}</h2>
      <FormAlert message={errors.form} />
      <Form method="post" className="stack" noValidate key={policy?.id ?? "baru"}>
        {policy ? <input type="hidden" name="id" value={policy.id} /> : null}
        <Field id="code" label={t("adminSla.sla.code")} error={errors.code} required>
          {(props) => <input {...props} name="code" type="text" maxLength={40} defaultValue={v("code")} />}
        </Field>
        <Field id="name" label={t("adminSla.sla.name")} error={errors.name} required>
          {(props) => <input {...props} name="name" type="text" maxLength={200} defaultValue={v("name")} />}
        </Field>
        <Field id="source" label={t("adminSla.sla.source")} hint={t("adminSla.sla.sourceHint")} error={errors.source} required>
          {(props) => <textarea {...props} name="source" rows={2} maxLength={1000} defaultValue={v("source")} />}
        </Field>
        <fieldset>
          <legend>{t("adminSla.sla.scope")}</legend>
          <p className="field__hint">{t("adminSla.sla.scopeHint")}</p>
          <Field id="unitId" label={t("adminSla.sla.scopeUnit")} error={errors.unitId}>
            {(props) => (
              <select {...props} name="unitId" defaultValue={v("unitId")}>
                <option value="">{t("adminSla.sla.anyUnit")}</option>
                {units.map((unit) => (
                  <option key={unit.id} value={unit.id}>
                    {unit.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="productId" label={t("adminSla.sla.scopeProduct")} hint={t("adminSla.sla.scopeProductHint")} error={errors.productId}>
            {(props) => <input {...props} name="productId" type="text" maxLength={36} defaultValue={v("productId")} />}
          </Field>
          <Field id="category" label={t("adminSla.sla.scopeCategory")} error={errors.category}>
            {(props) => <input {...props} name="category" type="text" maxLength={100} defaultValue={v("category")} />}
          </Field>
          <Field id="priority" label={t("adminSla.sla.scopePriority")} error={errors.priority}>
            {(props) => (
              <select {...props} name="priority" defaultValue={v("priority")}>
                <option value="">{t("adminSla.sla.anyPriority")}</option>
                {PRIORITIES.map((priority) => (
                  <option key={priority} value={priority}>
                    {t(`adminSla.priority.${priority}` as MessageKey)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </fieldset>
        <fieldset>
          <legend>{t("adminSla.sla.targets")}</legend>
          <p className="field__hint">{t("adminSla.sla.targetsHint")}</p>
          {SLA_STAGES.map((stage) => (
            <fieldset key={stage} data-testid={`target-${stage}`}>
              <legend>{t(`adminSla.stage.${stage}` as MessageKey)}</legend>
              <Field id={targetField("amount", stage)} label={t("adminSla.sla.amount")} error={errors[targetField("amount", stage)]}>
                {(props) => <input {...props} name={targetField("amount", stage)} type="number" inputMode="numeric" min={1} defaultValue={v(targetField("amount", stage))} />}
              </Field>
              <Field id={targetField("unit", stage)} label={t("adminSla.sla.durationUnit")} error={errors[targetField("unit", stage)]}>
                {(props) => (
                  <select {...props} name={targetField("unit", stage)} defaultValue={v(targetField("unit", stage)) || "WORKING_DAYS"}>
                    {DURATION_UNITS.map((unit) => (
                      <option key={unit} value={unit}>
                        {unitLabel(unit)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field id={targetField("source", stage)} label={t("adminSla.sla.targetSource")} error={errors[targetField("source", stage)]}>
                {(props) => <input {...props} name={targetField("source", stage)} type="text" maxLength={1000} defaultValue={v(targetField("source", stage))} />}
              </Field>
            </fieldset>
          ))}
        </fieldset>
        <Field id="reminderPercent" label={t("adminSla.sla.reminderPercent")} hint={t("adminSla.sla.reminderPercentHint")} error={errors.reminderPercent} required>
          {(props) => <input {...props} name="reminderPercent" type="number" inputMode="numeric" min={1} max={99} defaultValue={v("reminderPercent")} />}
        </Field>
        <Field id="escalationStepAmount" label={t("adminSla.sla.escalationStep")} hint={t("adminSla.sla.escalationStepHint")} error={errors.escalationStepAmount} required>
          {(props) => <input {...props} name="escalationStepAmount" type="number" inputMode="numeric" min={1} defaultValue={v("escalationStepAmount")} />}
        </Field>
        <Field id="escalationStepUnit" label={t("adminSla.sla.escalationStepUnit")} error={errors.escalationStepUnit} required>
          {(props) => (
            <select {...props} name="escalationStepUnit" defaultValue={v("escalationStepUnit") || "WORKING_DAYS"}>
              {DURATION_UNITS.map((unit) => (
                <option key={unit} value={unit}>
                  {unitLabel(unit)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="isActive" label={t("adminSla.sla.isActive")} error={errors.isActive}>
          {(props) => <input {...props} name="isActive" type="checkbox" defaultChecked={v("isActive") === "on"} />}
        </Field>
        <button type="submit" className="button">
          {t("adminSla.save")}
        </button>
      </Form>
    </section>
  );
}


// Withdrawing cannot be undone, so it is never one tap: the status page offers it as a secondary
// link to a confirmation step (a GET, `?cabut=1`), whose form alone carries `confirmed` and performs
// it (GOV.UK's pattern; works without JavaScript). Shared by the tracking route and its view.
export const WITHDRAW_STEP = "cabut";
export const WITHDRAW_CONFIRMED = "ya";

export const confirmsWithdrawal = (params: URLSearchParams, view: unknown) =>
  params.get(WITHDRAW_STEP) === "1" && Boolean((view as { actions?: string[] } | undefined)?.actions?.includes("WITHDRAW"));

import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { getDb } from "~/services/db.server";
import { destroyStaffSession, STAFF_HOME_PATH, STAFF_LOGIN_PATH } from "~/services/session.server";

// Signing out changes state, so it is a POST (a form on every staff page); a GET just goes home.
export async function action({ request }: ActionFunctionArgs) {
  const cookie = await destroyStaffSession(getDb(), request);
  return redirect(`${STAFF_LOGIN_PATH}?pesan=keluar`, { headers: { "Set-Cookie": cookie } });
}

export async function loader() {
  return redirect(STAFF_HOME_PATH);
}

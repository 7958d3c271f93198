// Open311 GeoReport v2: one service's definition (its attributes), services/{code}.(json|xml).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { GENERAL_SERVICE_CODE, serviceDefinition } from "~/domain/open311/georeport";
import { findOpen311Service, listMaladministrationForms } from "~/models/open311.server";
import { getDb } from "~/services/db.server";
import { guardOpen311Read, open311Errors, open311Response } from "~/domain/open311/http.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const read = await guardOpen311Read(request, params.code);
  if (!read.ok) return read.response;
  const { name, format, locale } = read;
  const db = getDb();
  const code = name.toUpperCase();
  const service = (await findOpen311Service(db, code)) ?? (code === GENERAL_SERVICE_CODE ? { code } : null);
  if (!service) return open311Errors(format, [{ code: 404, key: "open311.error.serviceNotFound", vars: { code: name } }], locale);
  const forms = await listMaladministrationForms(db);
  return open311Response(format, "service_definition", serviceDefinition(service.code, forms, locale), { cache: "public, max-age=300" });
}

// Anything else under /open311/v2: the spec's error array rather than the site's HTML 404 page.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { open311NotFound } from "~/domain/open311/http.server";

const formatOf = (request: Request) => (new URL(request.url).pathname.toLowerCase().endsWith(".xml") ? "xml" : "json");

export const loader = ({ request }: LoaderFunctionArgs) => open311NotFound(request, formatOf(request));
export const action = ({ request }: ActionFunctionArgs) => open311NotFound(request, formatOf(request));

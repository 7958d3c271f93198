// The benchmark's ceiling for a page (issue #16): the same server stack, root layout, loader data and
// React rendering as every public page, and nothing else: no database, no cookie, a fixed view. The
// tracking page is measured against it in the same run (`npm run bench -- bare,track`). It exists only
// in a web process started with BENCH_BARE_ROUTE=1 (the bench's own); anywhere else it is a 404.
import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { pageTitle } from "~/services/meta";
import { useT } from "~/services/i18n";

export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store", "X-Robots-Tag": "noindex" });

export const meta: MetaFunction = (args) => pageTitle(args, "track.view.title", [{ name: "robots", content: "noindex" }]);

export function loader(_: LoaderFunctionArgs) {
  if (process.env.BENCH_BARE_ROUTE !== "1") throw new Response("Not Found", { status: 404 });
  return { code: "LPK-00000-000000" };
}

export default function BenchBare() {
  const t = useT();
  const { code } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("track.view.title")}</h1>
      <p>{code}</p>
    </>
  );
}

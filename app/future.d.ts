// Type the loaders and actions the way single fetch (v3_singleFetch, on in remix.config.js) sends them.
import "@remix-run/node";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

// Route modules import zod through this server-only module. Remix replaces `.server` modules with
// empty ones in the browser bundle, so a route that validates its action's input no longer ships
// zod (~90 KB gzip) to every staff page: zod's entry has side effects, so even an import whose
// every use was tree-shaken kept the whole library in the page. A schema therefore lives inside a
// function the loader or action calls, or in a `.server` module, never at a route's top level.
export { z } from "zod";

// Unknown addresses: answering through a route (not the router's own miss) lets the root loader
// run, so the 404 page speaks the visitor's language.
export async function loader() {
  throw new Response("Not found", { status: 404 });
}

export default function NotFound() {
  return null;
}

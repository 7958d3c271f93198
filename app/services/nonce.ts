import { createContext, useContext } from "react";

/** Per-response CSP nonce, set by entry.server and read by the root's <Scripts>. */
export const NonceContext = createContext<string>("");
export const useNonce = () => useContext(NonceContext);

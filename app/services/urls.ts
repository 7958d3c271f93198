/** An address under the public base URL, whether or not that was configured with a trailing slash. */
export function absoluteUrl(publicBaseUrl: string, path: string): string {
  return `${publicBaseUrl.replace(/\/+$/, "")}${path}`;
}

/** The parts of the `xliff` package pamphlet uses (it ships no types). Results are plain objects, checked where read. */
declare module 'xliff/cjs/jsToXliff12' {
  const jsToXliff12: (js: object, options: { indent: string }, callback: (error: unknown, result: string) => void) => void;
  export = jsToXliff12;
}
declare module 'xliff/cjs/js2xliff' {
  const js2xliff: (js: object, options: { indent: string; targetXliffVersion: string }, callback: (error: unknown, result: string) => void) => void;
  export = js2xliff;
}
declare module 'xliff/cjs/xliff12ToJs' {
  const xliff12ToJs: (xml: string, options: object, callback: (error: unknown, result: unknown) => void) => void;
  export = xliff12ToJs;
}
declare module 'xliff/cjs/xliff2js' {
  const xliff2js: (xml: string, options: object, callback: (error: unknown, result: unknown) => void) => void;
  export = xliff2js;
}

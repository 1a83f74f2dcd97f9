// Tests read many JSON bodies and assert on their shape with expect(); typing each one would
// only restate the assertions. This overload applies to the type-check of test code paths too.
export {};
declare global {
  interface Response {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    json(): Promise<any>;
  }
}

// Vite's `?raw` imports: a file's text as a string (used for AWS's EC2 model, parsed on first use).
declare module '*.json?raw' {
  const text: string;
  export default text;
}

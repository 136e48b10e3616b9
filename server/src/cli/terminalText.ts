// Text the command line prints for people comes partly from outside: file
// names, headings, config keys. A control character in them would reach the
// terminal as a command (set the title, clear the screen, write the clipboard
// with OSC 52) or, as a line break, forge a report line. Text output shows
// them escaped, as `ls -b` does; JSON output is exact and needs none of this.

/** C0 controls (tab and line breaks too), DEL and the C1 controls U+0080–U+009F. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/** `\033` for ESC, `\012` for a line feed, `\177` for DEL (octal, as `ls -b`); `\u009b` for a C1 control. A backslash stays as it is. */
export function escapeControls(text: string): string {
  return text.replace(CONTROL, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x80 ? '\\' + code.toString(8).padStart(3, '0') : '\\u' + code.toString(16).padStart(4, '0');
  });
}

/** Characters JSON.stringify leaves raw that a terminal may still obey (DEL, C1) or read as line ends (U+2028, U+2029): written as `\uXXXX`, the same JSON value. */
const RAW_IN_JSON = /[\u007f-\u009f\u2028\u2029]/g;

export function terminalSafeJson(json: string): string {
  return json.replace(RAW_IN_JSON, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

// `--help` (and no arguments): the usage in Chinese, then in English, whatever
// the locale, since someone who cannot run the tool yet may not have set it.

declare const SPEECH_DRAFT_VERSION: string | undefined;

/** The package version, put in by esbuild; `dev` when run from the compiled sources. */
export const VERSION = typeof SPEECH_DRAFT_VERSION === 'string' ? SPEECH_DRAFT_VERSION : 'dev';

export const USAGE = `讲稿助手 speech-draft ${VERSION}

用法：
  speech-draft check [--format text|json] [--fix] [--config 文件] [--locale zh-cn|en] 路径...
  speech-draft outline [--config 文件] [--locale zh-cn|en] 文件
  speech-draft export [--out 文件.docx] [--force] [--overwrite] [--keep-outline] [--config 文件] 文件
  speech-draft --help | --version

check     检查讲话稿。路径可以是文件或文件夹（文件夹中的 .txt、.md、.speech 文件，
          逐层查找，跳过 node_modules 和以点开头的文件夹）。.md 文件按 Markdown 检查。
  --format text   每个问题一行：文件:行:列  级别  说明  规则（默认）
  --format json   JSON 数组：file, line, column, endLine, endColumn, rule, severity, message, fixable
  --fix           只应用安全修复（不改变讲话内容），反复应用直到没有可修的，再报告剩下的问题；
                  文件原子写回，保留编码、BOM、换行符和权限
  --config 文件   使用这个配置文件，不再查找最近的 .speechdraftrc.json（向上查找，
                  到含 .git 的文件夹或主目录为止，不进入任何人都可写的文件夹，如 /tmp）
  --locale        输出语言：zh-cn（默认）或 en；也看 LC_ALL、LC_MESSAGES、LANG
outline   打印标题层次，以及各部分和全文的字数、时长（按配置的语速）
export    按公文版式（GB/T 9704）导出为 Word 文档（默认与文稿同名的 .docx）。先检查：
          有占位符、下载站残留或错误级结构问题时不导出（--force 仍然导出）；警告照常列出。
  --out 文件      写到这里；不会覆盖文稿本身、管道或设备，覆盖已有的非 .docx 文件须加 --overwrite
  --keep-outline  保留【提纲】

文件须为 UTF-8 编码（可带 BOM）。GB18030/GBK 文件会被拒绝（不转码）；二进制文件跳过。
退出码：0 没有错误级问题；1 有错误级问题；2 用法错误、文件无法读取或写入。
彩色输出只在终端中使用，设置 NO_COLOR 可关闭。文本输出中的控制字符（来自文件名或文稿）显示为
转义形式（ESC 为 \\033）；JSON 输出保持原值。

Usage:
  speech-draft check [--format text|json] [--fix] [--config FILE] [--locale zh-cn|en] PATH...
  speech-draft outline [--config FILE] [--locale zh-cn|en] FILE
  speech-draft export [--out FILE.docx] [--force] [--overwrite] [--keep-outline] [--config FILE] FILE
  speech-draft --help | --version

check     Check speech drafts. A PATH is a file or a folder (its .txt, .md and .speech
          files, recursively, skipping node_modules and dot-folders). .md is read as Markdown.
  --format text   one line per finding: file:line:column  severity  message  rule (default)
  --format json   a JSON array of {file, line, column, endLine, endColumn, rule, severity,
                  message, fixable}; lines and columns 1-based, columns in characters
  --fix           apply safe fixes only (they cannot change what the speech says), again
                  until none is left, then report what remains; files are written atomically,
                  keeping encoding, BOM, line endings and mode
  --config FILE   use this config file instead of the nearest .speechdraftrc.json (looked
                  for upwards as far as a folder holding .git or the home folder, never in
                  a folder anyone may write to, such as /tmp)
  --locale        messages in zh-cn (default) or en; LC_ALL, LC_MESSAGES and LANG count too
outline   Print the heading tree with the characters and minutes of each section and the
          whole (at the configured speaking rate).
export    Write the draft as a Word document in the official layout (GB/T 9704; by default
          a .docx beside it). It checks first: placeholders, download-site text or structural
          errors stop it (--force exports anyway); warnings are listed.
  --out FILE      write there; never over the draft itself, a pipe or a device, and over
                  an existing file that is not a .docx only with --overwrite
  --keep-outline  keep the 【提纲】 block

Drafts must be UTF-8 (a BOM is fine). GB18030/GBK files are refused, never re-encoded;
binary files are skipped.
Exit status: 0 nothing at error severity; 1 errors found; 2 bad usage or a file that
cannot be read or written. Colours only on a terminal; NO_COLOR turns them off.
Control characters (from file names or drafts) are shown escaped in text output (ESC
as \\033); JSON output keeps the exact values.
`;

/**
 * The small Markdown subset Teams renders in a TextBlock: bold, italic, links, bullet and numbered
 * lists, line breaks, and backslash escapes. HTML in the text is escaped first, so card text can
 * never become markup.
 */
const escapeHtml = (text) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c],
  );

function inline(text) {
  const escaped = [];
  // Backslash escapes first: the escaped character is kept out of every later rule.
  let out = escapeHtml(text).replace(/\\([\\`*_{}[\]()#+\-.!>~|])/g, (_, c) => {
    escaped.push(c);
    return `\uE000${escaped.length - 1}\uE000`;
  });
  out = out
    .replace(/\*\*(.+?)\*\*/g, "<strong>$1</strong>")
    .replace(/(^|[^\w])_(.+?)_(?!\w)/g, "$1<em>$2</em>")
    .replace(
      /\[([^\]]+)\]\((https?:\/\/[^\s)]+)\)/g,
      '<a href="$2" target="_blank" rel="noopener noreferrer">$1</a>',
    );
  return out.replace(/\uE000(\d+)\uE000/g, (_, i) => escapeHtml(escaped[Number(i)]));
}

export function cardMarkdownToHtml(text) {
  const blocks = text.split(/\n{2,}/);
  return blocks
    .map((block) => {
      const lines = block.split("\n");
      if (lines.every((l) => /^\s*[-*] /.test(l)))
        return `<ul>${lines.map((l) => `<li>${inline(l.replace(/^\s*[-*] /, ""))}</li>`).join("")}</ul>`;
      if (lines.every((l) => /^\s*\d+\. /.test(l)))
        return `<ol>${lines.map((l) => `<li>${inline(l.replace(/^\s*\d+\. /, ""))}</li>`).join("")}</ol>`;
      return `<p>${lines.map(inline).join("<br>")}</p>`;
    })
    .join("");
}

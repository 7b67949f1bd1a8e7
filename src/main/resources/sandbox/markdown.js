// A small, safe markdown renderer for CDS card details. The text is HTML-escaped first; only then are bold,
// italics, bullet lists (nested by two spaces) and links turned into markup. Links must be http(s) and open with
// rel="noopener noreferrer"; nothing else of the text can become markup.

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const LINK = /\[([^\]\n]+)\]\((https?:\/\/[^\s)]+)\)/g;
const HOLE = /\u0000(\d+)\u0000/g;

export function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

function emphasis(escaped) {
  return escaped
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[^\w])_([^_\s](?:[^_]*[^_\s])?)_(?!\w)/g, '$1<em>$2</em>')
    .replace(/(^|[^*\w])\*([^*\s](?:[^*]*[^*\s])?)\*(?!\*)/g, '$1<em>$2</em>');
}

// Links are cut out before emphasis is applied, so that an underscore in a URL never becomes markup.
function inline(escaped) {
  const links = [];
  const rest = escaped.replace(LINK, (m, label, url) => {
    links.push(`<a href="${url}" target="_blank" rel="noopener noreferrer">${emphasis(label)}</a>`);
    return `\u0000${links.length - 1}\u0000`;
  });
  return emphasis(rest).replace(HOLE, (m, i) => links[Number(i)]);
}

export function renderMarkdown(text) {
  const out = [];
  const lists = [];
  let paragraph = [];
  const closeParagraph = () => {
    if (paragraph.length) out.push(`<p>${inline(paragraph.join(' '))}</p>`);
    paragraph = [];
  };
  const closeListsDeeperThan = (depth) => {
    while (lists.length > depth) {
      out.push('</li></ul>');
      lists.pop();
    }
  };
  const lines = String(text ?? '').replace(/\u0000/g, '').replace(/\r\n?/g, '\n').split('\n');
  for (const line of lines) {
    const item = /^( *)[-*+] +(.*)$/.exec(line);
    if (item) {
      closeParagraph();
      const depth = Math.min(Math.floor(item[1].length / 2) + 1, lists.length + 1);
      if (depth > lists.length) {
        out.push('<ul>');
        lists.push(depth);
      } else {
        closeListsDeeperThan(depth);
        out.push('</li>');
      }
      out.push(`<li>${inline(escapeHtml(item[2]))}`);
    } else if (!line.trim()) {
      closeParagraph();
    } else if (lists.length && /^ {2,}/.test(line)) {
      out.push(` ${inline(escapeHtml(line.trim()))}`);
    } else {
      closeListsDeeperThan(0);
      paragraph.push(escapeHtml(line.trim()));
    }
  }
  closeParagraph();
  closeListsDeeperThan(0);
  return out.join('');
}

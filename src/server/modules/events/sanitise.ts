import sanitizeHtml from 'sanitize-html';

/**
 * The event description as stored: only the formatting the editor offers survives. It is the one
 * piece of organiser HTML the public page renders as HTML, so anything that could run, load or
 * restyle (scripts, event handlers, images, styles, javascript: links) is dropped here, on the
 * way in, whatever sent it.
 */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'em', 'u', 's', 'h2', 'h3', 'h4', 'ul', 'ol', 'li', 'blockquote', 'a'],
  allowedAttributes: { a: ['href'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // Text inside a dropped <script> or <style> goes with it; elsewhere a dropped tag keeps its text.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title', 'iframe', 'object'],
  transformTags: {
    // The editor writes <b>/<i> when pasting; keep their meaning in the allowed tags.
    b: 'strong',
    i: 'em',
    h1: 'h2',
    a: (tagName, attribs) => ({ tagName, attribs: { ...(attribs.href ? { href: attribs.href } : {}), rel: 'noopener noreferrer', target: '_blank' } }),
  },
  exclusiveFilter: (frame) => frame.tag === 'a' && !frame.attribs.href && !frame.text.trim(),
};

// rel and target are added by the transform, after the attribute filter has run.
OPTIONS.allowedAttributes = { a: ['href', 'rel', 'target'] };

export function sanitiseDescription(html: string): string {
  const clean = sanitizeHtml(html, OPTIONS).trim();
  // An editor left empty sends <p></p>: store nothing rather than an empty paragraph.
  return /^(<p>(\s|<br \/>)*<\/p>)*$/.test(clean) ? '' : clean;
}

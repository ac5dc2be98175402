import { Tag } from 'antd';
import type { Taxonomy } from '../../../domain/directory';
import { useTaxonomy } from '../../lib/taxonomy';

/** Taxonomy codes as tags named in the UI language. */
export function TermTags({ taxonomy, codes, color }: { taxonomy: Taxonomy; codes: string[]; color?: string }) {
  const tax = useTaxonomy();
  if (codes.length === 0) return null;
  return (
    <span className="bb-tags">
      {codes.map((c) => (
        <Tag key={c} color={color}>
          {tax.name(taxonomy, c)}
        </Tag>
      ))}
    </span>
  );
}

/** Free-text values (regions, indications) as plain tags. */
export function TextTags({ values }: { values: string[] }) {
  if (values.length === 0) return null;
  return (
    <span className="bb-tags">
      {values.map((v) => (
        <Tag key={v}>{v}</Tag>
      ))}
    </span>
  );
}

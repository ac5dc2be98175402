import { Button, Checkbox, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FilterFacet } from '../../services/directory';

export interface FacetBucket {
  value: string;
  count: number;
  label: string | null;
}

const SHOWN = 8;

/**
 * One facet: its values among the matching records with their counts, as checkboxes. Values
 * already chosen stay listed (with no count) even when the current results hold none of them,
 * so a choice can always be undone where it was made.
 */
export function FacetGroup({
  facet,
  buckets,
  selected,
  labelOf,
  onChange,
}: {
  facet: FilterFacet;
  buckets: FacetBucket[];
  selected: string[];
  labelOf: (bucket: FacetBucket) => string;
  onChange: (values: string[]) => void;
}) {
  const { t, i18n } = useTranslation();
  const [expanded, setExpanded] = useState(false);
  const missing = selected.filter((v) => !buckets.some((b) => b.value === v)).map((v) => ({ value: v, count: 0, label: null }));
  const all = [...missing, ...buckets];
  const shown = expanded ? all : all.slice(0, Math.max(SHOWN, missing.length));
  const toggle = (value: string, on: boolean) => onChange(on ? [...selected, value] : selected.filter((v) => v !== value));
  const nf = new Intl.NumberFormat(i18n.language);
  return (
    <div className="bb-facet" data-testid={`facet-${facet}`}>
      <div className="bb-facet-head">
        <Typography.Text strong>{t(`dirSearch.facets.${facet}`)}</Typography.Text>
        {selected.length > 0 && (
          <Button type="link" size="small" onClick={() => onChange([])} style={{ padding: 0, height: 'auto' }}>
            {t('dirSearch.clear')}
          </Button>
        )}
      </div>
      {all.length === 0 ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('dirSearch.noValues')}
        </Typography.Text>
      ) : (
        <>
          {shown.map((b) => (
            <label key={b.value} className="bb-facet-item" data-testid={`facet-${facet}-${b.value}`}>
              <Checkbox checked={selected.includes(b.value)} onChange={(e) => toggle(b.value, e.target.checked)} />
              <span className="bb-facet-label" title={labelOf(b)}>
                {labelOf(b)}
              </span>
              <span className="bb-facet-count">{b.count > 0 ? nf.format(b.count) : ''}</span>
            </label>
          ))}
          {all.length > shown.length && (
            <Button type="link" size="small" onClick={() => setExpanded(true)} style={{ padding: 0 }}>
              {t('dirSearch.showAll', { count: all.length })}
            </Button>
          )}
          {expanded && all.length > SHOWN && (
            <Button type="link" size="small" onClick={() => setExpanded(false)} style={{ padding: 0 }}>
              {t('dirSearch.showLess')}
            </Button>
          )}
        </>
      )}
    </div>
  );
}

import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Drawer, Form, Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../lib/errors';
import { useTaxonomy } from '../../lib/taxonomy';
import { THESAURUS_CODE_PATTERN, THESAURUS_LANGS, thesaurusApi, type ThesaurusConcept, type ThesaurusLang } from '../../services/thesaurus';

interface Values {
  code: string;
  segment: string | null;
  relatedCodes: string[];
  note: string;
  terms: { lang: ThesaurusLang; term: string }[];
}
const FIELD_NAMES = ['code', 'segment', 'relatedCodes', 'note', 'terms'] as const;

/** Adds a concept (concept null) or edits one at the version read: segment, related concepts, note, terms. */
export function ConceptDrawer({
  open,
  concept,
  allCodes,
  onClose,
  onSaved,
}: {
  open: boolean;
  concept: ThesaurusConcept | null;
  allCodes: string[];
  onClose: () => void;
  onSaved: (saved: ThesaurusConcept) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const taxonomy = useTaxonomy();
  const [form] = Form.useForm<Values>();
  const initial: Values = concept
    ? { code: concept.code, segment: concept.segment, relatedCodes: concept.relatedCodes, note: concept.note, terms: concept.terms.map(({ lang, term }) => ({ lang, term })) }
    : { code: '', segment: null, relatedCodes: [], note: '', terms: THESAURUS_LANGS.map((lang) => ({ lang, term: '' })) };

  const save = useMutation({
    mutationFn: (v: Values) => {
      const body = { segment: v.segment ?? null, relatedCodes: v.relatedCodes ?? [], note: v.note ?? '', terms: (v.terms ?? []).filter((x) => x.term?.trim()) };
      return concept ? thesaurusApi.update(concept.id, { ...body, version: concept.version }) : thesaurusApi.create({ ...body, code: v.code });
    },
    onSuccess: (saved) => {
      void message.success(t('thesaurus.saved'));
      onSaved(saved);
    },
    onError: (e) => onError(e, form, FIELD_NAMES),
  });

  return (
    <Drawer
      open={open}
      onClose={onClose}
      destroyOnHidden
      size="large"
      title={concept ? t('thesaurus.editTitle', { code: concept.code }) : t('thesaurus.addTitle')}
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="thesaurus-save">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={(v) => save.mutate(v)} preserve={false}>
        <Form.Item name="code" label={t('thesaurus.code')} extra={t('thesaurus.codeHelp')} rules={[{ required: true, pattern: THESAURUS_CODE_PATTERN, message: t('thesaurus.codeHelp') }]}>
          <Input disabled={Boolean(concept)} data-testid="thesaurus-code" />
        </Form.Item>
        <Form.Item name="segment" label={t('thesaurus.segment')}>
          <Select allowClear options={taxonomy.options('segment')} optionFilterProp="label" />
        </Form.Item>
        <Form.Item name="relatedCodes" label={t('thesaurus.related')}>
          <Select mode="multiple" allowClear options={allCodes.filter((c) => c !== concept?.code).map((c) => ({ value: c, label: c }))} />
        </Form.Item>
        <Form.Item label={t('thesaurus.terms')} extra={t('thesaurus.termsHelp')} required>
          <Form.List name="terms">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Space key={field.key} align="baseline" style={{ display: 'flex' }}>
                    <Form.Item name={[field.name, 'lang']} style={{ width: 130 }}>
                      <Select options={THESAURUS_LANGS.map((l) => ({ value: l, label: t(`thesaurus.lang.${l}`) }))} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'term']} style={{ width: 300 }}>
                      <Input maxLength={100} placeholder={t('thesaurus.termPlaceholder')} data-testid={`thesaurus-term-${field.name}`} />
                    </Form.Item>
                    <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('thesaurus.delete')} />
                  </Space>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ lang: 'zh_hans', term: '' })} data-testid="thesaurus-add-term">
                  {t('thesaurus.addTerm')}
                </Button>
              </>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item name="note" label={t('thesaurus.note')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}

/**
 * The event description editor (TipTap): a small toolbar with the formatting the server keeps
 * (bold, italic, headings, lists, quote, link), nothing more, so what organisers see is what
 * the public page shows. It works as an antd form control: `value` and `onChange` carry HTML.
 */
import { BoldOutlined, ItalicOutlined, LinkOutlined, OrderedListOutlined, DisconnectOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { EditorContent, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { Button, Input, Modal, Space, Tooltip } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

const SAFE_LINK = /^(https?:\/\/|mailto:)/i;

export function RichTextEditor({ value, onChange, id }: { value?: string; onChange?: (html: string) => void; id?: string }) {
  const { t } = useTranslation();
  const [linkOpen, setLinkOpen] = useState(false);
  const [href, setHref] = useState('');
  const editor = useEditor({
    extensions: [
      StarterKit.configure({
        heading: { levels: [2, 3, 4] },
        code: false,
        codeBlock: false,
        horizontalRule: false,
        link: { openOnClick: false, autolink: true, protocols: ['http', 'https', 'mailto'], HTMLAttributes: { rel: 'noopener noreferrer', target: '_blank' } },
      }),
    ],
    content: value ?? '',
    shouldRerenderOnTransaction: true,
    editorProps: { attributes: { class: 'bb-rich-text', style: 'min-height: 150px; outline: none;', 'aria-label': t('events.form.description'), 'data-testid': 'events-description-editor', ...(id ? { id } : {}) } },
    onUpdate: ({ editor: e }) => onChange?.(e.isEmpty ? '' : e.getHTML()),
  });

  // A value set from outside (the form reset, a reload after a conflict) replaces the content.
  useEffect(() => {
    if (!editor) return;
    const current = editor.isEmpty ? '' : editor.getHTML();
    if ((value ?? '') !== current) editor.commands.setContent(value ?? '', { emitUpdate: false });
  }, [editor, value]);

  if (!editor) return null;
  const chain = () => editor.chain().focus();
  const button = (key: string, label: string, icon: ReactNode, active: boolean, run: () => void) => (
    <Tooltip title={label} key={key}>
      <Button size="small" type={active ? 'primary' : 'text'} icon={icon} aria-label={label} aria-pressed={active} onClick={run} data-testid={`events-editor-${key}`} />
    </Tooltip>
  );

  const applyLink = () => {
    const target = href.trim();
    if (target && SAFE_LINK.test(target)) chain().extendMarkRange('link').setLink({ href: target }).run();
    setLinkOpen(false);
  };

  return (
    <div style={{ border: '1px solid #d9d9d9', borderRadius: 6, background: '#fff' }}>
      <Space wrap size={2} style={{ padding: 4, borderBottom: '1px solid #f0f0f0', width: '100%' }} data-testid="events-editor-toolbar">
        {button('bold', t('events.editor.bold'), <BoldOutlined />, editor.isActive('bold'), () => chain().toggleBold().run())}
        {button('italic', t('events.editor.italic'), <ItalicOutlined />, editor.isActive('italic'), () => chain().toggleItalic().run())}
        {([2, 3] as const).map((level) =>
          button(`h${level}`, `${t('events.editor.heading')} ${level - 1}`, <span style={{ fontWeight: 600, fontSize: 12 }}>{`H${level - 1}`}</span>, editor.isActive('heading', { level }), () =>
            chain().toggleHeading({ level }).run(),
          ),
        )}
        {button('bullets', t('events.editor.bulletList'), <UnorderedListOutlined />, editor.isActive('bulletList'), () => chain().toggleBulletList().run())}
        {button('numbers', t('events.editor.orderedList'), <OrderedListOutlined />, editor.isActive('orderedList'), () => chain().toggleOrderedList().run())}
        {button('quote', t('events.editor.quote'), <span style={{ fontWeight: 600 }}>“</span>, editor.isActive('blockquote'), () => chain().toggleBlockquote().run())}
        {button('link', t('events.editor.link'), <LinkOutlined />, editor.isActive('link'), () => {
          setHref((editor.getAttributes('link').href as string | undefined) ?? 'https://');
          setLinkOpen(true);
        })}
        {editor.isActive('link') && button('unlink', t('events.editor.unlink'), <DisconnectOutlined />, false, () => chain().unsetLink().run())}
      </Space>
      <div style={{ padding: '4px 12px', minHeight: 160 }}>
        <EditorContent editor={editor} />
      </div>
      <Modal open={linkOpen} title={t('events.editor.link')} onOk={applyLink} onCancel={() => setLinkOpen(false)} okText={t('events.agenda.save')} cancelText={t('events.form.cancel')} destroyOnHidden>
        <Input
          autoFocus
          value={href}
          onChange={(e) => setHref(e.target.value)}
          onPressEnter={applyLink}
          placeholder={t('events.editor.linkPrompt')}
          status={href.trim() && !SAFE_LINK.test(href.trim()) ? 'error' : undefined}
          maxLength={500}
          data-testid="events-editor-link-input"
        />
      </Modal>
    </div>
  );
}

/**
 * The phone camera as a QR scanner: the back camera's frames are decoded by the browser's own
 * BarcodeDetector where there is one, else drawn to a canvas and decoded with jsQR. The same
 * code is reported once per 3 seconds (a badge held in front of the camera is one scan).
 * It starts on a tap. Without a camera, or when permission is refused, it says so; the typed code stays available
 * beside it.
 */
import { CameraOutlined, PoweroffOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Typography } from 'antd';
import jsQR from 'jsqr';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

type ScannerState = 'idle' | 'starting' | 'running' | 'denied' | 'unavailable' | 'failed';

interface DetectedBarcode {
  rawValue: string;
}
interface BarcodeDetectorLike {
  detect(source: CanvasImageSource): Promise<DetectedBarcode[]>;
}
type BarcodeDetectorClass = new (options: { formats: string[] }) => BarcodeDetectorLike;

const REPEAT_MS = 3000;
const FRAME_MS = 150;
/** Frames are scaled down to this width before jsQR reads them: fast enough on a modest phone. */
const DECODE_WIDTH = 640;

function nativeDetector(): BarcodeDetectorLike | null {
  const ctor = (globalThis as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector;
  if (!ctor) return null;
  try {
    return new ctor({ formats: ['qr_code'] });
  } catch {
    return null;
  }
}

export function QrScanner({ onCode, paused = false }: { onCode: (code: string) => void; paused?: boolean }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const canvas = useRef<HTMLCanvasElement | null>(null);
  const stream = useRef<MediaStream | null>(null);
  const timer = useRef<number | null>(null);
  const last = useRef<{ code: string; at: number } | null>(null);
  const onCodeRef = useRef(onCode);
  const pausedRef = useRef(paused);
  const supported = typeof navigator !== 'undefined' && Boolean(navigator.mediaDevices?.getUserMedia);
  const [state, setState] = useState<ScannerState>(supported ? 'idle' : 'unavailable');
  useEffect(() => {
    onCodeRef.current = onCode;
    pausedRef.current = paused;
  });

  const stop = useCallback(() => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
    stream.current?.getTracks().forEach((track) => track.stop());
    stream.current = null;
    if (video.current) video.current.srcObject = null;
  }, []);

  const report = useCallback((raw: string) => {
    const code = raw.trim();
    if (!code || pausedRef.current) return;
    const now = Date.now();
    if (last.current && last.current.code === code && now - last.current.at < REPEAT_MS) return;
    last.current = { code, at: now };
    onCodeRef.current(code);
  }, []);

  const start = useCallback(async () => {
    if (!navigator.mediaDevices?.getUserMedia) {
      setState('unavailable');
      return;
    }
    setState('starting');
    try {
      const media = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
      stream.current = media;
      const el = video.current;
      if (!el) {
        stop();
        return;
      }
      el.srcObject = media;
      await el.play();
      setState('running');
      const detector = nativeDetector();
      const tick = async () => {
        const v = video.current;
        if (!stream.current || !v) return;
        if (v.readyState >= v.HAVE_ENOUGH_DATA && v.videoWidth > 0) {
          try {
            if (detector) {
              const found = await detector.detect(v);
              if (found[0]?.rawValue) report(found[0].rawValue);
            } else {
              const scale = Math.min(1, DECODE_WIDTH / v.videoWidth);
              const width = Math.round(v.videoWidth * scale);
              const height = Math.round(v.videoHeight * scale);
              canvas.current ??= document.createElement('canvas');
              const c = canvas.current;
              c.width = width;
              c.height = height;
              const ctx = c.getContext('2d', { willReadFrequently: true });
              if (ctx) {
                ctx.drawImage(v, 0, 0, width, height);
                const image = ctx.getImageData(0, 0, width, height);
                const found = jsQR(image.data, width, height, { inversionAttempts: 'dontInvert' });
                if (found?.data) report(found.data);
              }
            }
          } catch {
            // A frame that cannot be read is skipped; the next one is tried.
          }
        }
        if (stream.current) timer.current = window.setTimeout(() => void tick(), FRAME_MS);
      };
      void tick();
    } catch (error) {
      stop();
      const name = error instanceof DOMException ? error.name : '';
      setState(name === 'NotAllowedError' || name === 'SecurityError' ? 'denied' : name === 'NotFoundError' || name === 'OverconstrainedError' ? 'unavailable' : 'failed');
    }
  }, [report, stop]);

  // The camera starts on a tap (browsers ask for permission then, and phones want a gesture); leaving the page turns it off.
  useEffect(() => stop, [stop]);

  const running = state === 'running' || state === 'starting';
  return (
    <div data-testid="eventDoor-scanner" data-state={state}>
      <div style={{ position: 'relative', width: '100%', background: '#000', borderRadius: 8, overflow: 'hidden', display: running ? 'block' : 'none', aspectRatio: '4 / 3' }}>
        <video ref={video} muted playsInline style={{ width: '100%', height: '100%', objectFit: 'cover' }} />
        {/* The frame people aim the badge at. */}
        <div style={{ position: 'absolute', inset: '18%', border: '3px solid rgba(255,255,255,0.85)', borderRadius: 12, pointerEvents: 'none' }} />
      </div>
      {state === 'denied' && <Alert type="warning" showIcon title={t('eventDoor.scanner.denied')} description={t('eventDoor.scanner.deniedHelp')} data-testid="eventDoor-scanner-denied" />}
      {state === 'unavailable' && <Alert type="info" showIcon title={t('eventDoor.scanner.unavailable')} description={t('eventDoor.scanner.typeInstead')} data-testid="eventDoor-scanner-unavailable" />}
      {state === 'failed' && <Alert type="error" showIcon title={t('eventDoor.scanner.failed')} description={t('eventDoor.scanner.typeInstead')} />}
      <Space style={{ marginTop: 8, width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Text type="secondary">{state === 'running' ? t('eventDoor.scanner.aim') : state === 'starting' ? t('eventDoor.scanner.starting') : ''}</Typography.Text>
        {running ? (
          <Button
            icon={<PoweroffOutlined />}
            onClick={() => {
              stop();
              setState('idle');
            }}
            data-testid="eventDoor-scanner-stop"
          >
            {t('eventDoor.scanner.stop')}
          </Button>
        ) : (
          supported && (
          <Button type="primary" icon={<CameraOutlined />} onClick={() => void start()} data-testid="eventDoor-scanner-start">
            {t('eventDoor.scanner.start')}
          </Button>
          )
        )}
      </Space>
    </div>
  );
}

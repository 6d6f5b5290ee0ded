import { useId, useState, type ReactNode } from 'react';
import { useUpload, type UploadedAsset } from './upload';

/**
 * A labelled file input that uploads what is chosen right away (`POST /assets`) and hands the
 * asset to `onUploaded`; the API's refusal (type, size, rate) shows under the input.
 */
export function FileUploadField(props: {
  label: ReactNode;
  accept: string;
  uploadingText: string;
  onUploaded(asset: UploadedAsset): void;
  error?: string;
}) {
  const id = useId();
  const upload = useUpload();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const error = problem ?? props.error;
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type="file"
        accept={props.accept}
        disabled={busy}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => {
          const input = e.currentTarget;
          const file = input.files?.[0];
          if (!file) return;
          setBusy(true);
          setProblem(null);
          void upload(file)
            .then((result) => {
              if (result.ok) props.onUploaded(result.asset);
              else setProblem(result.message);
            })
            .finally(() => {
              setBusy(false);
              input.value = '';
            });
        }}
      />
      {busy ? <p role="status">{props.uploadingText}</p> : null}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

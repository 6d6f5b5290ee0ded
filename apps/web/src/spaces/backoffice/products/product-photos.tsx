import { useMutation } from 'urql';
import { graphql } from '../../../gql';
import { useMessages } from '../../../lib/i18n/i18n-context';
import { backofficeMessages } from '../messages';
import { FileUploadField } from '../shared/file-field';

const CoopSetProductImagesDocument = graphql(`
  mutation CoopSetProductImages($id: ID!, $imageAssetIds: [ID!]!) {
    updateProduct(id: $id, input: { imageAssetIds: $imageAssetIds }) {
      id
      images {
        id
        url
        thumbnailUrl
      }
    }
  }
`);

/** Moves item `from` one place up (-1) or down (+1); the same list when it cannot move. */
export function moved<T>(list: readonly T[], from: number, by: -1 | 1): T[] {
  const to = from + by;
  if (to < 0 || to >= list.length) return [...list];
  const next = [...list];
  [next[from], next[to]] = [next[to], next[from]];
  return next;
}

/** The product's photos in order: upload (POST /assets), move up/down, remove. */
export function ProductPhotos(props: {
  productId: string;
  images: readonly { id: string; url: string; thumbnailUrl?: string | null }[];
  onChanged(): void;
}) {
  const t = useMessages(backofficeMessages);
  const [{ fetching, error }, save] = useMutation(CoopSetProductImagesDocument);
  const ids = props.images.map((i) => i.id);
  const setImages = async (imageAssetIds: string[]) => {
    const result = await save({ id: props.productId, imageAssetIds });
    if (!result.error) props.onChanged();
  };
  return (
    <section aria-labelledby="photos-title">
      <h2 id="photos-title">{t('photos.title')}</h2>
      {props.images.length === 0 ? <p>{t('photos.none')}</p> : null}
      <ol className="photo-list">
        {props.images.map((image, i) => (
          <li key={image.id}>
            <img
              src={image.thumbnailUrl ?? image.url}
              alt={t('photos.alt', { n: i + 1 })}
              width={120}
              height={120}
              loading="lazy"
            />
            <button
              type="button"
              disabled={fetching || i === 0}
              aria-label={t('photos.up', { n: i + 1 })}
              onClick={() => void setImages(moved(ids, i, -1))}
            >
              ↑
            </button>
            <button
              type="button"
              disabled={fetching || i === ids.length - 1}
              aria-label={t('photos.down', { n: i + 1 })}
              onClick={() => void setImages(moved(ids, i, 1))}
            >
              ↓
            </button>
            <button
              type="button"
              disabled={fetching}
              aria-label={t('photos.remove', { n: i + 1 })}
              onClick={() => void setImages(ids.filter((id) => id !== image.id))}
            >
              ✕
            </button>
          </li>
        ))}
      </ol>
      <FileUploadField
        label={t('photos.add')}
        accept="image/jpeg,image/png,image/webp"
        uploadingText={t('upload.busy')}
        error={error?.graphQLErrors[0]?.message}
        onUploaded={(asset) => void setImages([...ids, asset.id])}
      />
    </section>
  );
}

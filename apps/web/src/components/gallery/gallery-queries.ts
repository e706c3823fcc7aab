import { galleryRoutes, type EnrolBody, type GalleryKind } from '@gardenwatch/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { callRoute } from '../../api/call-route.ts';

const galleryKeys = { all: ['gallery'] as const };

export function useGallery(gallery: GalleryKind, kindergartenId: string | undefined) {
  return useQuery({
    queryKey: [...galleryKeys.all, gallery, kindergartenId],
    queryFn: ({ signal }) =>
      callRoute(galleryRoutes.list, { query: { gallery, kindergartenId } }, { signal }),
  });
}

export function useEnrol() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: EnrolBody) => callRoute(galleryRoutes.enrol, { body }),
    onSuccess: () => client.invalidateQueries({ queryKey: galleryKeys.all }),
  });
}

export function useRemoveFromGallery() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => callRoute(galleryRoutes.remove, { params: { id } }),
    onSuccess: () => client.invalidateQueries({ queryKey: galleryKeys.all }),
  });
}

/** A file's bytes as base64, for the JSON body. */
export async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

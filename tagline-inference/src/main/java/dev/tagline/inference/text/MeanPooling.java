package dev.tagline.inference.text;

/**
 * Sentence-transformers pooling for all-MiniLM-L6-v2 (its {@code 1_Pooling/config.json}: mean over tokens; then
 * {@code 2_Normalize}): average {@code last_hidden_state} over the positions where the attention mask is 1, then scale
 * to unit length.
 */
final class MeanPooling {
    private MeanPooling() {
    }

    /**
     * @param hidden {@code [batch, seq, dim]} row-major
     * @param mask {@code [batch, seq]} of 0/1
     * @return one unit vector per batch row
     */
    static float[][] pool(float[] hidden, long[] mask, int batch, int seq, int dim) {
        float[][] out = new float[batch][dim];
        for (int b = 0; b < batch; b++) {
            double[] sum = new double[dim];
            int count = 0;
            for (int s = 0; s < seq; s++) {
                if (mask[b * seq + s] == 0) {
                    continue;
                }
                count++;
                int base = (b * seq + s) * dim;
                for (int d = 0; d < dim; d++) {
                    sum[d] += hidden[base + d];
                }
            }
            double norm = 0;
            for (int d = 0; d < dim; d++) {
                sum[d] /= Math.max(1, count);
                norm += sum[d] * sum[d];
            }
            norm = Math.max(Math.sqrt(norm), 1e-12); // torch.nn.functional.normalize eps
            for (int d = 0; d < dim; d++) {
                out[b][d] = (float) (sum[d] / norm);
            }
        }
        return out;
    }

    static double cosine(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("vectors differ in length: " + a.length + " and " + b.length);
        }
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }
}

package dev.tagline.publish.platform;

/**
 * {@code channels add}'s look-up of a {@code media-base-url} host name for a platform whose own servers fetch the
 * video (Instagram): {@link VideoLinks#requirePublicBase} judges the URL as written, this judges every address its
 * name has now.
 */
public final class PublicHostName {
    private PublicHostName() {
    }

    /** How a host name is looked up: every address it has, as {@link java.net.InetAddress#getAllByName}. */
    @FunctionalInterface
    public interface HostResolver {
        /** The system's resolver (hosts file, DNS). */
        HostResolver SYSTEM = java.net.InetAddress::getAllByName;

        java.net.InetAddress[] resolve(String host) throws java.net.UnknownHostException;
    }

    /**
     * After {@link VideoLinks#requirePublicBase}: looks the host name up (all its addresses) and refuses it, naming
     * the address, when any of them is loopback, private (site-local, shared 100.64/10, unique-local fc00::/7),
     * link-local or unspecified: the platform's servers could not fetch from it, or would be pointed into this
     * network. A name that does not resolve here is not refused (a channel may be set up before its DNS record exists,
     * or offline): the answer is the warning to show; the link check before each post still stops a post whose link
     * does not answer.
     */
    public static java.util.Optional<String> require(String value, String platform, HostResolver resolver) {
        String base = VideoLinks.requirePublicBase(value, platform);
        String host = java.net.URI.create(base).getHost().toLowerCase(java.util.Locale.ROOT);
        if (host.startsWith("[") || host.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            return java.util.Optional.empty(); // a literal address: requirePublicBase judged it
        }
        java.net.InetAddress[] all;
        try {
            all = resolver.resolve(host);
        } catch (java.net.UnknownHostException e) {
            return java.util.Optional.of("--option media-base-url=" + base + ": " + host + " does not resolve on this"
                    + " machine; " + platform + "'s servers must reach it, so make it resolve to the public address of"
                    + " 'tagline serve' (or its proxy) before the first post (each post checks the link first)");
        }
        for (java.net.InetAddress ip : all) {
            String why = VideoLinks.localAddress(ip);
            if (why != null) {
                throw VideoLinks.notPublic(base, "resolves to " + ip.getHostAddress() + ", " + why, platform);
            }
        }
        return java.util.Optional.empty();
    }
}

package dev.enclave.residency;

import dev.enclave.EnclaveException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The network side of a spec's residency rules: the hosts a run may connect to, written as addresses
 * ({@code 127.0.0.1}, {@code ::1}), CIDR blocks ({@code 10.20.0.0/16}, {@code fd00::/8}) or host names
 * ({@code spark-master.internal}). Names are resolved once, when the policy is built; a connection is allowed when its
 * address falls in a block or equals an address a name resolved to, or when it is made to an unresolved name on the
 * list. Nothing is allowed implicitly, loopback included: embedded Spark needs {@code 127.0.0.1} on the list.
 */
public final class HostPolicy {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern HOST_NAME = Pattern.compile(
            "(?i)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*\\.?");

    private final List<String> entries;
    private final List<Block> blocks;
    private final Set<String> names;

    private HostPolicy(List<String> entries, List<Block> blocks, Set<String> names) {
        this.entries = List.copyOf(entries);
        this.blocks = List.copyOf(blocks);
        this.names = Set.copyOf(names);
    }

    /**
     * Parses the entries of {@code field} (for messages, e.g. {@code residency.allowed_hosts}); a malformed entry
     * stops the run naming it. Host names are looked up now; one that does not resolve is kept as a name only.
     */
    public static HostPolicy parse(List<String> entries, String field) {
        List<Block> blocks = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            String entry = entries.get(i) == null ? "" : entries.get(i).strip();
            String where = field + "[" + i + "]";
            if (entry.contains("/")) {
                blocks.add(cidr(entry, where));
            } else if (isAddressLiteral(entry)) {
                InetAddress address = literal(entry, where);
                blocks.add(new Block(address.getAddress(), address.getAddress().length * 8));
            } else if (HOST_NAME.matcher(entry).matches()) {
                String name = normalName(entry);
                names.add(name);
                for (InetAddress address : lookUp(name)) {
                    blocks.add(new Block(address.getAddress(), address.getAddress().length * 8));
                }
            } else {
                throw EnclaveException.badInput("residency: " + where + ": '" + entry
                        + "' is not an address, a CIDR block (10.0.0.0/8) or a host name");
            }
        }
        return new HostPolicy(entries, blocks, names);
    }

    /**
     * Whether a connection to {@code host} is allowed. {@code host} is what the JDK passes to a security check: an
     * address literal for a resolved destination, a host name for an unresolved one.
     */
    public boolean allows(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (isAddressLiteral(bare)) {
            try {
                return allows(InetAddress.getByName(bare));
            } catch (UnknownHostException e) {
                return false;
            }
        }
        return names.contains(normalName(bare));
    }

    /** Whether a connection to {@code address} is allowed. */
    public boolean allows(InetAddress address) {
        byte[] bytes = address.getAddress();
        for (Block block : blocks) {
            if (block.contains(bytes)) {
                return true;
            }
        }
        return false;
    }

    /** The entries as the spec wrote them. */
    public List<String> entries() {
        return entries;
    }

    private static Block cidr(String entry, String where) {
        int slash = entry.indexOf('/');
        String addressPart = entry.substring(0, slash);
        if (!isAddressLiteral(addressPart)) {
            throw EnclaveException.badInput("residency: " + where + ": '" + entry
                    + "': a CIDR block needs an address before the '/'");
        }
        byte[] network = literal(addressPart, where).getAddress();
        int bits = network.length * 8;
        int prefix;
        try {
            prefix = Integer.parseInt(entry.substring(slash + 1));
        } catch (NumberFormatException e) {
            prefix = -1;
        }
        if (prefix < 0 || prefix > bits) {
            throw EnclaveException.badInput("residency: " + where + ": '" + entry
                    + "': the prefix length must be a number from 0 to " + bits);
        }
        if (hasHostBits(network, prefix)) {
            throw EnclaveException.badInput("residency: " + where + ": '" + entry
                    + "' has bits set after the prefix; write the network address");
        }
        return new Block(network, prefix);
    }

    private static boolean hasHostBits(byte[] network, int prefix) {
        for (int bit = prefix; bit < network.length * 8; bit++) {
            if ((network[bit / 8] & (0x80 >>> (bit % 8))) != 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAddressLiteral(String text) {
        return IPV4.matcher(text).matches() || text.contains(":");
    }

    /** Parses an address literal; {@link InetAddress#getByName} does no lookup for literals. */
    private static InetAddress literal(String text, String where) {
        if (IPV4.matcher(text).matches()) {
            for (String part : text.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    throw EnclaveException.badInput("residency: " + where + ": '" + text + "' is not an IPv4 address");
                }
            }
        } else if (!text.matches("[0-9A-Fa-f:.]+")) {
            throw EnclaveException.badInput("residency: " + where + ": '" + text + "' is not an IPv6 address");
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw EnclaveException.badInput("residency: " + where + ": '" + text + "' is not an address", e);
        }
    }

    private static List<InetAddress> lookUp(String name) {
        try {
            return List.of(InetAddress.getAllByName(name));
        } catch (UnknownHostException e) {
            return List.of();
        }
    }

    private static String normalName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    /** An address block: the first {@code prefix} bits of {@code network}. */
    private record Block(byte[] network, int prefix) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int whole = prefix / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (address[whole] & mask) == (network[whole] & mask);
        }
    }
}

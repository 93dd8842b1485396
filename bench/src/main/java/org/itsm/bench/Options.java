package org.itsm.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code --name=value} command-line options over named defaults; an unknown name is an error, not ignored. */
final class Options {

    private final Map<String, String> values;

    private Options(Map<String, String> values) {
        this.values = values;
    }

    /** Parses {@code args} against {@code defaults} (which also name every option allowed, in help order). */
    static Options parse(String[] args, Map<String, String> defaults) {
        Map<String, String> values = new LinkedHashMap<>(defaults);
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("Options look like --name=value, not: " + arg);
            }
            String name = arg.substring(2, arg.indexOf('='));
            if (!defaults.containsKey(name)) {
                throw new IllegalArgumentException("Unknown option --" + name + "; known: " + String.join(", ",
                        defaults.keySet().stream().map(known -> "--" + known).toList()));
            }
            values.put(name, arg.substring(arg.indexOf('=') + 1));
        }
        return new Options(values);
    }

    static boolean wantsHelp(String[] args) {
        for (String arg : args) {
            if (arg.equals("-h") || arg.equals("--help")) {
                return true;
            }
        }
        return false;
    }

    static String help(Map<String, String> defaults) {
        StringBuilder text = new StringBuilder();
        defaults.forEach((name, value) -> text.append("  --").append(name).append('=').append(value).append('\n'));
        return text.toString();
    }

    String text(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("No option --" + name);
        }
        return value;
    }

    int integer(String name, int min) {
        int value;
        try {
            value = Integer.parseInt(text(name));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " takes a whole number, not: " + text(name));
        }
        if (value < min) {
            throw new IllegalArgumentException("--" + name + " must be at least " + min + ", not " + value);
        }
        return value;
    }

    /** A URL without a trailing slash. */
    String url(String name) {
        String value = text(name);
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }
}

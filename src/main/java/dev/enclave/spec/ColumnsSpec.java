package dev.enclave.spec;

/**
 * Which input columns hold what.
 *
 * @param id unique record id
 * @param group the unit no split may cut (patient, case)
 * @param text free text to prepare
 * @param label the class label (classification only)
 */
public record ColumnsSpec(String id, String group, String text, String label) {
    public ColumnsSpec {
        Checks.require(id, "id");
        Checks.require(group, "group");
        Checks.require(text, "text");
    }
}

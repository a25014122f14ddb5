package dev.enclave.cli;
public class EnclaveCommand { public static void main(String[] a) {} }

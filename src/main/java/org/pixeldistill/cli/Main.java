package org.pixeldistill.cli;
public class Main { public static void main(String[] a) {} }

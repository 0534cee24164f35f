package hudson;

public abstract class Plugin {}

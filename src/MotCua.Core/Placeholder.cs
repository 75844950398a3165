namespace MotCua.Core; public static class Placeholder { }
